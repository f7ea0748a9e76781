//! A small map from item id to a value, kept as a sorted vector: a day names a handful of items,
//! and ten years of days each holding a tree of their own cost megabytes a vector does not.

use std::sync::Arc;

/// Item id -> value, in id order (as a `BTreeMap` would iterate them).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct IdMap<V>(Vec<(Arc<str>, V)>);

impl<V> Default for IdMap<V> {
    fn default() -> Self {
        IdMap(Vec::new())
    }
}

impl<V> IdMap<V> {
    fn find(&self, id: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| (**k).cmp(id))
    }

    pub fn get(&self, id: &str) -> Option<&V> {
        self.find(id).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets `id`'s value, returning the one it replaced.
    pub fn insert(&mut self, id: Arc<str>, value: V) -> Option<V> {
        match self.find(&id) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (id, value));
                None
            }
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<V> {
        self.find(id).ok().map(|i| self.0.remove(i).1)
    }

    /// `id`'s value, made from `V::default()` when it has none yet.
    pub fn get_or_default(&mut self, id: Arc<str>) -> &mut V
    where
        V: Default,
    {
        let i = match self.find(&id) {
            Ok(i) => i,
            Err(i) => {
                self.0.insert(i, (id, V::default()));
                i
            }
        };
        &mut self.0[i].1
    }

    pub fn iter(&self) -> impl Iterator<Item = (&Arc<str>, &V)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &Arc<str>> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<V> std::ops::Index<&str> for IdMap<V> {
    type Output = V;

    /// The value of `id`; panics when it has none, as a `BTreeMap` does.
    fn index(&self, id: &str) -> &V {
        self.get(id).expect("no value for this id")
    }
}

impl<'a, V> IntoIterator for &'a IdMap<V> {
    type Item = (&'a Arc<str>, &'a V);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (Arc<str>, V)>,
        fn(&'a (Arc<str>, V)) -> (&'a Arc<str>, &'a V),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

impl<V> FromIterator<(Arc<str>, V)> for IdMap<V> {
    /// As a `BTreeMap` collects: in id order, the last value of a repeated id kept.
    fn from_iter<I: IntoIterator<Item = (Arc<str>, V)>>(iter: I) -> Self {
        let mut pairs: Vec<(Arc<str>, V)> = iter.into_iter().collect();
        // Already in order (as a cache writes them): nothing to do.
        if !pairs.windows(2).all(|w| w[0].0 < w[1].0) {
            // A stable sort keeps repeats in arrival order; the last of each is kept.
            pairs.sort_by(|a, b| a.0.cmp(&b.0));
            let mut kept: Vec<(Arc<str>, V)> = Vec::with_capacity(pairs.len());
            for pair in pairs {
                match kept.last_mut() {
                    Some(last) if last.0 == pair.0 => *last = pair,
                    _ => kept.push(pair),
                }
            }
            pairs = kept;
        }
        pairs.shrink_to_fit();
        IdMap(pairs)
    }
}

#[cfg(test)]
mod tests {
    use super::IdMap;
    use std::collections::BTreeMap;
    use std::sync::Arc;

    #[test]
    fn it_behaves_as_a_btreemap_of_the_same_operations() {
        let ops: &[(&str, Option<u32>)] = &[
            ("clamshell", Some(1)),
            ("bridge", Some(2)),
            ("wall-sit", Some(3)),
            ("clamshell", Some(4)),
            ("bridge", None),
            ("zz", Some(5)),
            ("aa", Some(6)),
            ("zz", None),
            ("missing", None),
        ];
        let mut ours = IdMap::default();
        let mut tree = BTreeMap::new();
        for (id, value) in ops {
            match value {
                Some(v) => assert_eq!(ours.insert(Arc::from(*id), *v), tree.insert(*id, *v)),
                None => assert_eq!(ours.remove(id), tree.remove(id)),
            }
            let a: Vec<(&str, u32)> = ours.iter().map(|(k, v)| (&**k, *v)).collect();
            let b: Vec<(&str, u32)> = tree.iter().map(|(k, v)| (*k, *v)).collect();
            assert_eq!(a, b);
            assert_eq!(ours.len(), tree.len());
        }
        *ours.get_or_default(Arc::from("new")) += 7;
        *ours.get_or_default(Arc::from("new")) += 1;
        assert_eq!(ours.get("new"), Some(&8));
        let collected: IdMap<u32> = [("b", 1), ("a", 2), ("b", 3)]
            .into_iter()
            .map(|(k, v)| (Arc::from(k), v))
            .collect();
        let keys: Vec<&str> = collected.keys().map(|k| &**k).collect();
        assert_eq!(keys, ["a", "b"]);
        assert_eq!(collected.get("b"), Some(&3));
    }
}
