//! The held-out split shared by `train` and `evaluate`.

/// FNV-1a, so the split is the same on every machine and run.
fn fnv(s: &str) -> u64 {
    s.bytes().fold(0xcbf29ce484222325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x100000001b3)
    })
}

/// Pages whose `source/id` hashes to 0 mod 5 are held out from training.
pub fn held_out(source: &str, id: &str) -> bool {
    fnv(&format!("{source}/{id}")).is_multiple_of(5)
}
