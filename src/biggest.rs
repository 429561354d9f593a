//! The N biggest keys of a walk, in bounded memory.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

/// The N biggest keys seen so far: a bounded min-heap on (bytes, key), so a
/// walk over millions of keys keeps only N.
pub struct Biggest {
    n: usize,
    heap: BinaryHeap<Reverse<(u64, Vec<u8>)>>,
}

impl Biggest {
    pub fn new(n: usize) -> Biggest {
        Biggest {
            n,
            heap: BinaryHeap::new(),
        }
    }

    /// Offer a key: whether it is kept, and the key it pushed out, if any.
    pub fn offer(&mut self, bytes: u64, key: &[u8]) -> (bool, Option<Vec<u8>>) {
        if self.n == 0 {
            return (false, None);
        }
        let mut gone = None;
        if self.heap.len() >= self.n {
            // Compare before copying the key: most keys are not among the biggest.
            match self.heap.peek() {
                Some(Reverse((b, k))) if (bytes, key) > (*b, k.as_slice()) => {
                    gone = self.heap.pop().map(|Reverse((_, k))| k);
                }
                _ => return (false, None),
            }
        }
        self.heap.push(Reverse((bytes, key.to_vec())));
        (true, gone)
    }

    /// Biggest first; equal sizes by key.
    pub fn into_sorted(self) -> Vec<(u64, Vec<u8>)> {
        let mut v: Vec<(u64, Vec<u8>)> = self.heap.into_iter().map(|Reverse(x)| x).collect();
        v.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)));
        v
    }
}
