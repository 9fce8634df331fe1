//! Eight bytes of a line as one `u64` (or sixteen as a `u128` or an
//! array): the loads the byte scans of the line features, the shapes, the
//! headline tokens and the line splitter share, and [`find_each`], their
//! search for the bytes of a class by vector compares.
//!
//! Words are little-endian (byte `i` of the text is bits `8 * i..`), and a
//! load past the end of the text reads zeros, which no scan takes for a
//! letter, a digit or a high byte.

use wide::{i8x16, u8x16};

/// Bit 0 of every byte of a word: a byte value times this is that byte in
/// every lane.
pub(crate) const ONES: u64 = 0x0101_0101_0101_0101;

/// The eight bytes of `b` from `at` as a word, zeros past its end.
#[inline(always)]
pub(crate) fn load(b: &[u8], at: usize) -> u64 {
    let rest = b.get(at..).unwrap_or(&[]);
    match rest.first_chunk::<8>() {
        Some(w) => u64::from_le_bytes(*w),
        None => short_word(rest),
    }
}

/// The bytes of `b` (fewer than eight) as a word, zero above them: two
/// loads that may overlap, not a copy a byte at a time.
#[inline(always)]
pub(crate) fn short_word(b: &[u8]) -> u64 {
    let n = b.len();
    match (b.first_chunk::<4>(), b.last_chunk::<4>()) {
        // Two four-byte loads, the second shifted to where it ends.
        (Some(first), Some(last)) if n < 8 => {
            u64::from(u32::from_le_bytes(*first))
                | (u64::from(u32::from_le_bytes(*last)) << (8 * (n - 4)))
        }
        _ if n < 4 => {
            let at = |i: usize| u64::from(b.get(i).copied().unwrap_or(0));
            match n {
                0 => 0,
                _ => at(0) | (at(n / 2) << (8 * (n / 2))) | (at(n - 1) << (8 * (n - 1))),
            }
        }
        // Eight or more: the first eight (not asked for).
        _ => b.first_chunk::<8>().map_or(0, |w| u64::from_le_bytes(*w)),
    }
}

/// The bytes of `b` (at most sixteen) and zero bytes after them, as the
/// sixteen lanes of the line features' and shapes' vector counts take a
/// short line: two loads that may overlap, not a copy a byte at a time.
#[inline(always)]
pub(crate) fn padded(b: &[u8]) -> u128 {
    let (lo, hi) = match (b.first_chunk::<8>(), b.last_chunk::<8>()) {
        (Some(first), Some(last)) => {
            // Bytes 8.. of `b` are the end of its last eight bytes.
            let shift = 8 * (16 - b.len().min(16)) as u32;
            let hi = u64::from_le_bytes(*last).checked_shr(shift).unwrap_or(0);
            (u64::from_le_bytes(*first), hi)
        }
        _ => (short_word(b), 0),
    };
    u128::from(lo) | (u128::from(hi) << 64)
}

/// The sixteen bytes of `b` from `at`, zeros past its end: the lanes of a
/// vector compare.
#[inline(always)]
pub(crate) fn load16(b: &[u8], at: usize) -> [u8; 16] {
    let rest = b.get(at..).unwrap_or(&[]);
    match rest.first_chunk::<16>() {
        Some(c) => *c,
        None => padded(rest).to_le_bytes(),
    }
}

/// The lanes of `y` whose byte is in `lo..lo + len`, all ones: one add
/// and one compare, as a byte `y` is in the range if `y - lo + 128`, as a
/// signed byte, is below `len - 128`.
#[inline(always)]
pub(crate) fn in_range(y: i8x16, lo: u8, len: u8) -> i8x16 {
    (y + i8x16::splat((lo as i8).wrapping_neg().wrapping_add(i8::MIN)))
        .simd_lt(i8x16::splat((len as i8).wrapping_add(i8::MIN)))
}

/// Lanes `16 - rest..16` all ones, the others zero: which lanes of the
/// last sixteen bytes of a text are its last `rest` (a load from a ramp,
/// not sixteen compares).
#[inline(always)]
pub(crate) fn tail_keep(rest: usize) -> [u8; 16] {
    const RAMP: [u8; 32] = {
        let mut r = [0u8; 32];
        let mut i = 16;
        while i < 32 {
            // Only ever evaluated at compile time, where an index out of
            // bounds would fail the build, not a parse.
            #[allow(clippy::indexing_slicing)]
            {
                r[i] = 0xFF;
            }
            i += 1;
        }
        r
    };
    RAMP.get(rest.min(16)..)
        .and_then(|r| r.first_chunk::<16>())
        .copied()
        .unwrap_or([0xFF; 16])
}

/// Calls `hit` with the offset of each byte of `b` in whose lane `class`
/// (a compare) is all ones, in order, until it answers: the sign bits of
/// the compares, thirty-two bytes a step, then the last few and zero bytes
/// (which `class` must not take).
#[inline(always)]
pub(crate) fn find_each<T>(
    b: &[u8],
    class: impl Fn(u8x16) -> u8x16,
    mut hit: impl FnMut(usize) -> Option<T>,
) -> Option<T> {
    const LANES: usize = 16;
    let mut look = |mut found: u32, at: usize| {
        while found != 0 {
            if let Some(answer) = hit(at + found.trailing_zeros() as usize) {
                return Some(answer);
            }
            found &= found - 1;
        }
        None
    };
    let mut pairs = b.chunks_exact(2 * LANES);
    let mut at = 0;
    for pair in pairs.by_ref() {
        if let (Some(x), Some(y)) = (pair.first_chunk::<LANES>(), pair.last_chunk::<LANES>()) {
            let (x, y) = (class(u8x16::new(*x)), class(u8x16::new(*y)));
            if (x | y).to_bitmask() != 0 {
                let answer = look(x.to_bitmask() | (y.to_bitmask() << LANES), at);
                if answer.is_some() {
                    return answer;
                }
            }
        }
        at += 2 * LANES;
    }
    let rest = pairs.remainder();
    let found = class(u8x16::new(load16(rest, 0))).to_bitmask()
        | (class(u8x16::new(load16(rest, LANES))).to_bitmask() << LANES);
    look(found, at)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `bytes[at..]`, at most eight of them, and zeros.
    fn plain(bytes: &[u8], at: usize) -> u64 {
        let mut word = [0u8; 8];
        for (d, s) in word.iter_mut().zip(bytes.get(at..).unwrap_or(&[])) {
            *d = *s;
        }
        u64::from_le_bytes(word)
    }

    #[test]
    fn in_range_is_the_plain_range_test_on_every_byte() {
        for (lo, len) in [
            (b'A', 26),
            (b'a', 26),
            (b'0', 10),
            (b'\t', 5),
            (0, 1),
            (0x80, 64),
        ] {
            for base in (0..=255u8).step_by(16) {
                let bytes: [u8; 16] = std::array::from_fn(|i| base + i as u8);
                let lanes = in_range(i8x16::from_ne_bytes(bytes), lo, len).to_array();
                for (&y, lane) in bytes.iter().zip(lanes) {
                    let want = (lo..).take(usize::from(len)).any(|x| x == y);
                    assert_eq!(lane != 0, want, "{y:#x} in {lo:#x} + {len}");
                }
            }
        }
    }

    #[test]
    fn tail_keep_keeps_the_last_lanes() {
        for rest in 0..=20 {
            let want: Vec<u8> = (0..16)
                .map(|i| if i >= 16 - rest.min(16) { 0xFF } else { 0 })
                .collect();
            assert_eq!(tail_keep(rest).to_vec(), want, "{rest}");
        }
    }

    #[test]
    fn loads_are_the_bytes_and_zeros() {
        let bytes: Vec<u8> = (1..=40).collect();
        for start in 0..8 {
            for n in 0..16 {
                let b = bytes.get(start..start + n).unwrap_or(&[]);
                for at in 0..=n + 1 {
                    assert_eq!(load(b, at), plain(b, at), "{n} bytes from {at}");
                }
                if n < 8 {
                    assert_eq!(short_word(b), plain(b, 0), "{n} bytes");
                }
                if n <= 16 {
                    let mut lanes = [0u8; 16];
                    for (d, s) in lanes.iter_mut().zip(b) {
                        *d = *s;
                    }
                    assert_eq!(padded(b), u128::from_le_bytes(lanes), "{n} bytes");
                }
            }
        }
    }
}
