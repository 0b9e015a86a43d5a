//! Sorting with one copy of the standard library's sort for the whole crate.
//!
//! `slice::sort_by` and friends are generic over the element type and the comparator, so every
//! call site with its own closure gets its own copy of driftsort or quicksort (1.5–3.5 KB of
//! wasm each; sixteen of them were 44 KB, the largest single cost in the engine's code). Here
//! the standard sort runs once, on positions, with the comparison behind `&dyn`; the elements
//! are then moved into place. Stable, like `sort_by`: equal elements keep their order (for
//! `sort`, equal elements are indistinguishable, so this also stands in for `sort_unstable`).

use std::cmp::Ordering;

/// Sorts `v` stably by `cmp`.
pub fn sort_by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    let mut order: Vec<usize> = (0..v.len()).collect();
    sort_positions(&mut order, &|a, b| cmp(&v[a], &v[b]));
    permute(v, order);
}

/// Sorts `v` stably by the key `key` gives each element.
pub fn sort_by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` in ascending order.
pub fn sort<T: Ord>(v: &mut [T]) {
    sort_by(v, T::cmp);
}

/// The one instance of the standard sort: positions, compared through `cmp`.
#[inline(never)]
fn sort_positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Rearranges `v` so that `v[i]` becomes the old `v[order[i]]`, following each cycle of the
/// permutation with swaps (no `Clone` needed, linear time).
fn permute<T>(v: &mut [T], mut order: Vec<usize>) {
    const DONE: usize = usize::MAX;
    for start in 0..v.len() {
        let mut at = start;
        while order[at] != DONE {
            let from = order[at];
            order[at] = DONE;
            if from == start {
                break;
            }
            v.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        // Pairs that tie on the first field show that the order of equals is kept.
        let input: Vec<(u8, u8)> = (0..200u16)
            .map(|n| (((n * 37) % 11) as u8, (n % 256) as u8))
            .collect();
        let mut ours = input.clone();
        sort_by(&mut ours, |a, b| b.0.cmp(&a.0));
        let mut expected = input.clone();
        expected.sort_by_key(|p| std::cmp::Reverse(p.0));
        assert_eq!(ours, expected);

        let mut ours = input.clone();
        sort_by_key(&mut ours, |p| p.0);
        let mut expected = input.clone();
        expected.sort_by_key(|p| p.0);
        assert_eq!(ours, expected);
    }

    #[test]
    fn sort_orders_owned_values_and_handles_the_edges() {
        let mut words: Vec<String> = ["pear", "apple", "fig", "apple", "date"]
            .map(String::from)
            .to_vec();
        sort(&mut words);
        assert_eq!(words, ["apple", "apple", "date", "fig", "pear"]);
        let mut empty: Vec<u32> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
        let mut one = vec![7];
        sort(&mut one);
        assert_eq!(one, [7]);
        let mut reversed: Vec<u32> = (0..50).rev().collect();
        sort(&mut reversed);
        assert_eq!(reversed, (0..50).collect::<Vec<u32>>());
    }
}
