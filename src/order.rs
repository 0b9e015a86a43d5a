//! Sorting with one small sort for the whole crate instead of a copy of the standard one per call.
//!
//! `slice::sort_by` and friends are generic over the element type and the comparator, so every
//! call site with its own closure gets its own copy of driftsort or quicksort (1.5–3.5 KB of
//! wasm each; sixteen of them were 44 KB, the largest single cost in the engine's code). Here
//! one small merge sort runs on positions, with the comparison behind `&dyn`; the elements are
//! then moved into place. Stable, like `sort_by`: equal elements keep their order (for
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

/// Sorts plain values (term ids): a short slice by insertion, without the positions and
/// indirect comparisons of [`sort`], which cost more than the sorting itself at these sizes;
/// a longer one by [`sort`]. The engine counts every sentence's and paragraph's terms this way.
pub fn sort_values<T: Ord + Copy>(v: &mut [T]) {
    const SHORT: usize = 64;
    if v.len() > SHORT {
        return sort(v);
    }
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && v[j] < v[j - 1] {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// Sorts positions, compared through `cmp`: a bottom-up merge sort, stable because a tie
/// takes the left run's element first. The standard sort here would be 3.8 KB of wasm; this is
/// a few hundred bytes, and as fast for the sizes the engine sorts (O(n log n) comparisons).
#[inline(never)]
fn sort_positions(order: &mut Vec<usize>, cmp: &dyn Fn(usize, usize) -> Ordering) {
    let n = order.len();
    // Runs of `RUN` by insertion first (stable: an element moves left only past a greater
    // one). Most of the engine's sorts are this short (a sentence's terms), and insertion does
    // them in fewer comparisons than the merge passes that would build them.
    const RUN: usize = 12;
    for lo in (0..n).step_by(RUN) {
        for i in lo + 1..(lo + RUN).min(n) {
            let mut j = i;
            while j > lo && cmp(order[j], order[j - 1]) == Ordering::Less {
                order.swap(j, j - 1);
                j -= 1;
            }
        }
    }
    let mut merged = vec![0; n];
    let mut width = RUN;
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (mid + width).min(n);
            let (mut i, mut j) = (lo, mid);
            for slot in &mut merged[lo..hi] {
                let left = j == hi || (i < mid && cmp(order[j], order[i]) != Ordering::Less);
                let from = if left { &mut i } else { &mut j };
                *slot = order[*from];
                *from += 1;
            }
            lo = hi;
        }
        std::mem::swap(order, &mut merged);
        width *= 2;
    }
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
    fn every_length_and_run_boundary_sorts_stably() {
        // Lengths around the merge widths (powers of two) and their remainders.
        for len in 0..70u32 {
            let input: Vec<(u32, u32)> = (0..len).map(|n| ((n * 7 + 3) % 5, n)).collect();
            let mut ours = input.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut expected = input;
            expected.sort_by_key(|p| p.0);
            assert_eq!(ours, expected, "length {len}");
        }
    }

    #[test]
    fn sort_values_sorts_like_the_standard_sort_short_and_long() {
        // Both sides of the insertion / merge switch, with many repeats.
        for len in [0usize, 1, 2, 7, 63, 64, 65, 150] {
            let input: Vec<u32> = (0..len as u32).map(|n| (n * 37 + 11) % 23).collect();
            let mut ours = input.clone();
            sort_values(&mut ours);
            let mut expected = input;
            expected.sort_unstable();
            assert_eq!(ours, expected, "length {len}");
        }
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
