//! Helpers shared by the unit tests of several modules.

/// Calls `f` with every string of exactly `len` characters drawn from `alphabet`, in the order
/// nested loops over the positions would give (first position outermost).
pub(crate) fn every_string(alphabet: &str, len: usize, mut f: impl FnMut(&str)) {
    let chars: Vec<char> = alphabet.chars().collect();
    if chars.is_empty() && len > 0 {
        return;
    }
    // Each position's index into `chars`, counted up like an odometer from the last position.
    let mut at = vec![0usize; len];
    let mut s = String::new();
    loop {
        s.clear();
        s.extend(at.iter().filter_map(|&i| chars.get(i)));
        f(&s);
        let mut k = len;
        loop {
            let Some(p) = k.checked_sub(1) else {
                return;
            };
            k = p;
            if let Some(i) = at.get_mut(k) {
                *i += 1;
                if *i < chars.len() {
                    break;
                }
                *i = 0;
            }
        }
    }
}

#[test]
fn every_string_counts_and_orders_like_nested_loops() {
    let mut seen = Vec::new();
    every_string("ab", 2, |s| seen.push(s.to_owned()));
    assert_eq!(seen, ["aa", "ab", "ba", "bb"]);
    let mut n = 0;
    every_string("一、，", 4, |_| n += 1);
    assert_eq!(n, 81);
    let mut empty = Vec::new();
    every_string("ab", 0, |s| empty.push(s.to_owned()));
    assert_eq!(empty, [""]);
}
