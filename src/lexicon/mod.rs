//! The boilerplate lexicon: phrases per language and kind, as data, indexed
//! once and searched in one pass over the whole text.
//!
//! The pass is what a leftmost-longest, ASCII-case-insensitive Aho-Corasick
//! automaton reports, without stepping an automaton through every byte: the
//! phrases are indexed by a hash of four bytes around their start (see
//! [`Starts`]), the scan hashes the four bytes at every other offset (one
//! multiply and one byte test each, in a 64 KiB table), and only where
//! the window passes that and the test after it (the phrase bytes it
//! starts, up to eight, under a hash) are the phrases listed there
//! compared. The
//! index builds in a small fraction of the time a DFA takes, which matters
//! when one process parses one page. Lexicons with a phrase under three
//! bytes (user phrases) fall back to an automaton.
//!
//! The built-in phrases live in `phrases.tsv` beside this file
//! (`lang<TAB>kind<TAB>strong|weak<TAB>phrase`); users add their own through
//! [`Options::extra_phrases`](crate::Options::extra_phrases).

use std::borrow::Cow;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};

use crate::{BoilerplateKind, Options};

/// The built-in phrase table.
const PHRASES_TSV: &str = include_str!("phrases.tsv");

/// One row of the built-in table.
struct BuiltinPhrase {
    kind: BoilerplateKind,
    strong: bool,
    phrase: &'static str,
    /// `lexicon:LANG:PHRASE`, made once per process.
    rule: &'static str,
}

/// The built-in table, read once. The rule names are leaked once (one
/// string for all), so that every article can borrow them for `'static`
/// instead of copying.
fn builtin_phrases() -> &'static [BuiltinPhrase] {
    static TABLE: OnceLock<Vec<BuiltinPhrase>> = OnceLock::new();
    TABLE.get_or_init(|| {
        // Rows of one kind come together: the name is looked up once.
        let mut last: Option<(&str, BoilerplateKind)> = None;
        let rows: Vec<(&'static str, BoilerplateKind, bool, &'static str)> = tsv_rows(PHRASES_TSV)
            .filter_map(|[lang, kind, strength, phrase]| {
                let kind = match last {
                    Some((name, k)) if name == kind => k,
                    _ => {
                        let k = BoilerplateKind::from_name(kind)?;
                        last = Some((kind, k));
                        k
                    }
                };
                Some((lang, kind, strength == "strong", phrase))
            })
            .collect();
        let rule_len = |lang: &str, phrase: &str| 9 + lang.len() + phrase.len();
        let mut rules = String::with_capacity(rows.iter().map(|r| rule_len(r.0, r.3)).sum());
        for (lang, _, _, phrase) in &rows {
            rules.push_str("lexicon:");
            rules.push_str(lang);
            rules.push(':');
            rules.push_str(phrase);
        }
        let rules: &'static str = Box::leak(rules.into_boxed_str());
        let mut at = 0;
        rows.into_iter()
            .filter_map(|(lang, kind, strong, phrase)| {
                let end = at + rule_len(lang, phrase);
                let rule = rules.get(at..end)?;
                at = end;
                Some(BuiltinPhrase {
                    kind,
                    strong,
                    phrase,
                    rule,
                })
            })
            .collect()
    })
}

/// The rows of a phrase table, cut as `str::lines`, `split('\t')` and
/// `trim` would cut them (lines starting with `#` or blank skipped, the
/// first four columns trimmed, rows with fewer dropped), but with one pass
/// over each line's bytes: this runs in a process's first parse.
fn tsv_rows(tsv: &str) -> impl Iterator<Item = [&str; 4]> {
    let mut rest = tsv;
    std::iter::from_fn(move || {
        while !rest.is_empty() {
            let (line, next) = match rest.bytes().position(|b| b == b'\n') {
                Some(i) => {
                    let line = rest.get(..i).unwrap_or("");
                    (
                        line.strip_suffix('\r').unwrap_or(line),
                        rest.get(i + 1..).unwrap_or(""),
                    )
                }
                None => (rest, ""),
            };
            rest = next;
            if line.starts_with('#') || trim(line).is_empty() {
                continue;
            }
            // The first three tabs end three columns; the fourth runs to
            // the next tab or the end.
            let mut cols = [""; 4];
            let mut n = 0;
            let mut from = 0;
            for (i, b) in line.bytes().enumerate() {
                if b == b'\t' {
                    if let Some(c) = cols.get_mut(n) {
                        *c = line.get(from..i).unwrap_or("");
                    }
                    n += 1;
                    from = i + 1;
                    if n == 4 {
                        break;
                    }
                }
            }
            if n < 3 {
                continue;
            }
            if n == 3 {
                cols[3] = line.get(from..).unwrap_or("");
            }
            return Some(cols.map(trim));
        }
        None
    })
}

/// `str::trim`, without its decoding where `s` starts and ends with a
/// byte that cannot be (part of) whitespace: `!`..DEL, the ASCII
/// characters past the space (U+000B, U+0085 and U+00A0 are whitespace
/// too, so the test is not `is_ascii_whitespace`). The table's columns
/// mostly do, and `trim` decoding both ends of each took 0.13 M
/// instructions a process.
fn trim(s: &str) -> &str {
    let plain = |b: Option<&u8>| b.is_some_and(|&b| (0x21..0x80).contains(&b));
    if plain(s.as_bytes().first()) && plain(s.as_bytes().last()) {
        s
    } else {
        s.trim()
    }
}

/// What a phrase of the lexicon means.
#[derive(Debug, Clone)]
pub(crate) struct PhraseMeta {
    pub kind: BoilerplateKind,
    pub strong: bool,
    /// `lexicon:LANG:PHRASE`.
    pub rule: Cow<'static, str>,
    /// The phrase starts / ends with a word character, so a match must sit on
    /// a word boundary there.
    pub word_start: bool,
    pub word_end: bool,
}

/// A compiled lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Lexicon {
    /// The phrases indexed by the bytes around their start: the search used
    /// whenever every phrase has three bytes or more (the built-in ones do).
    starts: Option<Starts>,
    /// One unanchored automaton, for lexicons with a shorter phrase.
    automaton: Option<AhoCorasick>,
    meta: Vec<PhraseMeta>,
}

/// The phrases indexed by hashes of four bytes around their start, for a
/// scan that hashes the four bytes at every other (even) offset of the text.
///
/// A start `s` is seen through the windows (four bytes) at even offsets
/// next to it. An even start is the window at `s` (its first four bytes;
/// a three-byte phrase with any byte after it). An odd start is the window
/// at `s + 1` (bytes 1..5; a four-byte phrase with any byte after it) and,
/// for three-byte phrases, the window at `s - 1` (any byte, then the
/// phrase). "Any byte" means one key per byte value, the zero that pads the
/// end of the text included; phrases under three bytes are not indexed
/// (the lexicon then falls back to an automaton).
///
/// Windows are case-folded by setting bit 5 of every byte, which maps
/// `A`..`Z` onto `a`..`z` as ASCII case-insensitive matching does (and
/// merges some other bytes too: more candidates, never fewer). A slot per
/// hash value says whether any window hashes so, and if so which (the
/// k-th) of the hashes that do; the k-th lists its phrases with where the
/// window sits. A
/// window that passes is confirmed on the bytes of a phrase it starts,
/// up to eight (see `long` and `short`), since most such windows are a
/// common word that merely begins like a phrase ("das ", "ment", "sign
/// of" for "sign in"); only then are the phrases listed. A
/// candidate is checked by comparing the phrase's bytes ASCII-case-
/// insensitively, as the automaton would match them; of the phrases that
/// match at a start the longest wins, then the first listed, as in a
/// leftmost-longest automaton.
#[derive(Debug, Clone)]
struct Starts {
    /// Four byte tables in one allocation (at [`FIRST_AT`], [`LONG_AT`],
    /// [`SHORT_AT`] and [`CHECK_AT`]): one large enough to be mapped
    /// zeroed pages, where each table of its own was cleared byte by byte
    /// (some 170 K instructions a process).
    ///
    /// `first`: one byte per [`first_hash`] of a window, non-zero if a key
    /// hashes there. The scan tests every window here first, with a load
    /// and a compare (a bit test takes three more instructions), and most
    /// stop.
    ///
    /// `long`: the bytes a window starts, under [`long_hash`], for every
    /// phrase that fixes five or more (eight at most; those past the
    /// phrase masked off) from one of its windows (its first at `At`, from
    /// its second at `After`). A window must pass here or, if its phrase
    /// fixes only four bytes, in `short` and `four_check`: most that hold
    /// a phrase's first four bytes in a word that goes on otherwise stop.
    ///
    /// `short`: under [`short_hash`] of a window's four bytes, bit 0 if a
    /// phrase fixes only these four from a window, bit `n - 4` if one fixes
    /// `n` (five to seven) starting with them.
    ///
    /// `four_check`: under [`check_hash`], a bit each, the four-byte
    /// windows of bit 0 of `short` once more, so that few common words
    /// pass both by chance.
    tables: Box<[u8; TABLES_LEN]>,
    /// One slot per [`start_hash`] of a window: 0 if no key hashes there,
    /// else `k + 1` for the k-th hash (in order) that one does. Read for a
    /// window that passes `first` and [`Starts::confirm`]: one
    /// load, where a bit per hash and the number
    /// of set bits before each word took a bit test and a popcount (in
    /// software, without a target feature). 256 KiB, of which a window
    /// that reaches here touches one line.
    slot: Box<[u16; START_LEN]>,
    /// The entries of the k-th set hash are `order[bucket[k]..bucket[k + 1]]`.
    bucket: Vec<u32>,
    /// The windows (bits of [`Window::bit`]) among the k-th hash's entries.
    windows: Vec<u8>,
    /// Phrase ids, each with where its window sits.
    order: Vec<(u32, Window)>,
    /// Each phrase's bytes, ASCII-lowercased, with their [`keep_mask`], by id.
    phrases: Vec<Lowered>,
}

/// A phrase's bytes, ASCII-lowercased, and their [`keep_mask`].
type Lowered = (Box<[u8]>, Box<[u8]>);

/// How many matches [`Starts::find_batch`] finds at a time.
const BATCH: usize = 16;

/// No phrase found, as `(length, id)`: in two registers where an `Option`
/// would go through memory.
const NONE: (usize, u32) = (0, 0);

/// Where a phrase's window sits, relative to the phrase's start.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Window {
    /// At the start.
    At,
    /// One byte after it.
    After,
    /// One byte before it.
    Before,
}

impl Window {
    fn bit(self) -> u8 {
        match self {
            Window::At => 1,
            Window::After => 2,
            Window::Before => 4,
        }
    }
}

/// 2^17 start hashes: about 2% of them are set for the built-in phrases.
const START_BITS: u32 = 17;
const START_LEN: usize = 1 << START_BITS;

/// 2^16 bytes (64 KiB) for the first test of every window: under 3% of
/// them are set for the built-in phrases, so that a window passes here
/// mostly where it holds a phrase's four bytes (half the table let twice
/// as many through). Those go straight to [`Starts::confirm_here`]: a
/// second byte table on the start hash stopped only a third of them, for
/// more than that saved. Twice the table lets a sixth fewer windows
/// through (0.24 M fewer instructions a pass over the bench corpus), but
/// it was no faster in alternating timed runs, and it doubles what the
/// scan keeps in cache beside the caller's data.
const FIRST_BITS: u32 = 16;
const FIRST_LEN: usize = 1 << FIRST_BITS;

impl Starts {
    /// The index of `patterns`, or `None` if one is shorter than three bytes.
    fn new(patterns: &[&str]) -> Option<Starts> {
        // (hash, window, id) packed in one word, so that they sort as the
        // tuples would at the cost of integer comparisons.
        let mut keyed: Vec<u64> = Vec::with_capacity(patterns.len() * 2);
        for (id, p) in patterns.iter().enumerate() {
            let id = u32::try_from(id).ok()?;
            let mut key = |w: [u8; 4], at: Window| keyed.push(pack(start_hash(fold4(w)), at, id));
            match *p.as_bytes() {
                [b0, b1, b2] => {
                    for x in any_byte() {
                        key([b0, b1, b2, x], Window::At);
                        key([x, b0, b1, b2], Window::Before);
                    }
                }
                [b0, b1, b2, b3] => {
                    key([b0, b1, b2, b3], Window::At);
                    for x in any_byte() {
                        key([b1, b2, b3, x], Window::After);
                    }
                }
                [b0, b1, b2, b3, b4, ..] => {
                    key([b0, b1, b2, b3], Window::At);
                    key([b1, b2, b3, b4], Window::After);
                }
                _ => return None,
            }
        }
        keyed.sort_unstable();
        keyed.dedup();
        let mut tables: Box<[u8; TABLES_LEN]> =
            vec![0u8; TABLES_LEN].into_boxed_slice().try_into().ok()?;
        let (first, rest) = tables.split_at_mut(LONG_AT);
        let (long, rest) = rest.split_at_mut(SHORT_AT - LONG_AT);
        let (short, four_check) = rest.split_at_mut(CHECK_AT - SHORT_AT);
        for p in patterns {
            let mut key = |w: [u8; 4]| {
                if let Some(f) = first.get_mut(first_hash(fold4(w))) {
                    *f = 1;
                }
            };
            match *p.as_bytes() {
                [b0, b1, b2] => {
                    for x in any_byte() {
                        key([b0, b1, b2, x]);
                        key([x, b0, b1, b2]);
                    }
                }
                [b0, b1, b2, b3] => {
                    key([b0, b1, b2, b3]);
                    for x in any_byte() {
                        key([b1, b2, b3, x]);
                    }
                }
                [b0, b1, b2, b3, b4, ..] => {
                    key([b0, b1, b2, b3]);
                    key([b1, b2, b3, b4]);
                }
                _ => return None,
            }
        }
        for p in patterns {
            let b = p.as_bytes();
            let mut four = |w: [u8; 4], n: usize| {
                let k = fold4(w);
                if let Some(f) = short.get_mut(short_hash(k)) {
                    *f |= 1 << n.saturating_sub(4);
                }
                if n == 4 {
                    set_bit(four_check, check_hash(k));
                }
            };
            match *b {
                [b0, b1, b2] => {
                    for x in any_byte() {
                        four([b0, b1, b2, x], 4);
                        four([x, b0, b1, b2], 4);
                    }
                }
                [b0, b1, b2, b3] => {
                    four([b0, b1, b2, b3], 4);
                    for x in any_byte() {
                        four([b1, b2, b3, x], 4);
                    }
                }
                [b0, b1, b2, b3, b4, ..] => {
                    // How many bytes these windows fix, marked under
                    // their four bytes when under eight.
                    let at = fix_bytes(long, b, 0);
                    let after = fix_bytes(long, b, 1);
                    for (from, n) in [(0, at), (1, after)] {
                        let w = [b0, b1, b2, b3, b4];
                        let Some(&[c0, c1, c2, c3]) = w.get(from..from + 4) else {
                            continue;
                        };
                        if n < 8 {
                            // Four bytes alone (n = 0), or a mark.
                            four([c0, c1, c2, c3], n.max(4));
                        }
                    }
                }
                _ => return None,
            }
        }
        let mut slot: Box<[u16; START_LEN]> =
            vec![0u16; START_LEN].into_boxed_slice().try_into().ok()?;
        let mut bucket = Vec::new();
        let mut windows: Vec<u8> = Vec::new();
        let mut last = None;
        for (k, (h, at, _)) in keyed.iter().map(|&k| unpack(k)).enumerate() {
            if last != Some(h) {
                // Slot `k + 1` for the k-th hash; a lexicon with more set
                // hashes than a slot holds falls back to the automaton.
                *slot.get_mut(h)? = u16::try_from(windows.len() + 1).ok()?;
                bucket.push(u32::try_from(k).ok()?);
                windows.push(0);
                last = Some(h);
            }
            if let Some(m) = windows.last_mut() {
                *m |= at.bit();
            }
        }
        bucket.push(u32::try_from(keyed.len()).ok()?);
        Some(Starts {
            tables,
            slot,
            bucket,
            windows,
            order: keyed
                .into_iter()
                .map(|k| {
                    let (_, at, id) = unpack(k);
                    (id, at)
                })
                .collect(),
            phrases: patterns
                .iter()
                .map(|p| {
                    let lower = p.as_bytes().to_ascii_lowercase();
                    let keep = keep_mask(&lower);
                    (lower.into(), keep)
                })
                .collect(),
        })
    }

    /// The leftmost-longest phrase occurrence that starts at or after
    /// `from`: `(start, end, phrase id)`.
    ///
    /// A window whose bit is set names the starts its phrases may have (the
    /// byte before it, its own, the one after); those are checked in order,
    /// each through all the windows that see it. A start that this window
    /// names no phrase for is left to its other window.
    fn find(&self, bytes: &[u8], from: usize) -> Option<(usize, usize, u32)> {
        let mut q = from - (from & 1);
        let mut checked = from;
        loop {
            let (hit, h) = self.next(bytes, q)?;
            let k = self.rank_of(h);
            let named = k.and_then(|k| self.windows.get(k)).copied().unwrap_or(0);
            // The three starts in order, written out (a loop over them
            // went through the stack). An even start has one window: this
            // one.
            if named & Window::After.bit() != 0
                && let Some(s) = hit.checked_sub(1)
                && s >= checked
            {
                checked = hit;
                if let (len @ 1.., id) = self.longest_at(bytes, s) {
                    return Some((s, s + len, id));
                }
            }
            if named & Window::At.bit() != 0 && hit >= checked {
                checked = hit + 1;
                if let (len @ 1.., id) = self.longest_in(bytes, hit, k, Window::At, NONE) {
                    return Some((hit, hit + len, id));
                }
            }
            if named & Window::Before.bit() != 0 && hit + 1 >= checked {
                checked = hit + 2;
                if let (len @ 1.., id) = self.longest_at(bytes, hit + 1) {
                    return Some((hit + 1, hit + 1 + len, id));
                }
            }
            q = hit + 2;
        }
    }

    /// The next matches of [`Starts::find`] from `from` on, each search
    /// starting where the match before it ends, into `out`: how many (less
    /// than its length once the text has no more). Out of line, with `find`
    /// in it: one call's entry (registers saved, the index's fields loaded)
    /// for a batch, where it was one a match.
    #[inline(never)]
    fn find_batch(
        &self,
        bytes: &[u8],
        mut from: usize,
        out: &mut [(usize, usize, u32); BATCH],
    ) -> usize {
        for (n, slot) in out.iter_mut().enumerate() {
            match self.find(bytes, from) {
                Some(m) => {
                    *slot = m;
                    from = m.1;
                }
                None => return n,
            }
        }
        BATCH
    }

    /// The longest phrase (then the first) that starts at `s`, through
    /// every window that sees it.
    fn longest_at(&self, bytes: &[u8], s: usize) -> (usize, u32) {
        let at = |q: usize| self.rank_of(window_hash(bytes, q));
        if s & 1 == 0 {
            self.longest_in(bytes, s, at(s), Window::At, NONE)
        } else {
            let best = self.longest_in(bytes, s, at(s + 1), Window::After, NONE);
            self.longest_in(bytes, s, at(s - 1), Window::Before, best)
        }
    }

    /// The longest phrase (then the first) starting at `s` among the
    /// entries of the k-th set hash whose window sits at `at`, or `best`:
    /// `(length, id)`, [`NONE`] for none. In line, so that a hash whose
    /// bit is not set costs no call.
    #[inline(always)]
    fn longest_in(
        &self,
        bytes: &[u8],
        s: usize,
        k: Option<usize>,
        at: Window,
        best: (usize, u32),
    ) -> (usize, u32) {
        match k {
            Some(k) => self.longest_of(bytes, s, k, at, best),
            None => best,
        }
    }

    /// [`Starts::longest_in`] for a set hash.
    fn longest_of(
        &self,
        bytes: &[u8],
        s: usize,
        k: usize,
        at: Window,
        mut best: (usize, u32),
    ) -> (usize, u32) {
        for &(id, w) in self.entries(k) {
            if w != at {
                continue;
            }
            let Some((p, keep)) = self.phrases.get(id as usize) else {
                continue;
            };
            // Against `NONE` every phrase is longer: none is empty.
            let better = p.len() > best.0 || (p.len() == best.0 && id < best.1);
            if better
                && bytes
                    .get(s..s + p.len())
                    .is_some_and(|t| eq_lowered(t, p, keep))
            {
                best = (p.len(), id);
            }
        }
        best
    }

    /// A window's eight bytes hash to `h` under [`long_hash`] as a
    /// phrase's do (see `long`): a byte to test, where a bit took three
    /// more instructions.
    #[inline(always)]
    fn long_has(&self, h: usize) -> bool {
        self.tables.get(LONG_AT + h).is_some_and(|&f| f != 0)
    }

    /// The `short` byte of a window's case-folded bytes `k`.
    #[inline(always)]
    fn short_of(&self, k: u32) -> u8 {
        self.tables
            .get(SHORT_AT + short_hash(k))
            .copied()
            .unwrap_or(0)
    }

    /// Which (the k-th) of the hashes that keys have `h` is, if one has it.
    #[inline]
    fn rank_of(&self, h: usize) -> Option<usize> {
        let k = *self.slot.get(h)?;
        (k != 0).then(|| usize::from(k) - 1)
    }

    /// The entries of the k-th set hash.
    fn entries(&self, k: usize) -> &[(u32, Window)] {
        match (self.bucket.get(k), self.bucket.get(k + 1)) {
            (Some(&lo), Some(&hi)) => self.order.get(lo as usize..hi as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The first even offset at or after `q` (even) whose four bytes (zeros
    /// past the end) hash to a set bit, with the hash, and that passes
    /// [`Starts::confirm`]; none once fewer than three bytes are left, as
    /// no phrase then fits.
    ///
    /// Eight bytes are loaded at a time (two words, where fourteen bytes
    /// are left) and the windows at their offsets 0, 2 and 4 tested one by
    /// one; a branch per window is cheaper than a
    /// mask here, since few pass.
    #[inline]
    fn next(&self, bytes: &[u8], mut q: usize) -> Option<(usize, usize)> {
        // Twenty-four words a step (offsets 0, 2, 8, 10, ... 88 and 90 of
        // 98 bytes) while they fit: 48 windows for one loop test, each
        // word's low and high halves, with no copy to shift: the loop's
        // tests (on `q` against one stop, and the chunk's length) are
        // spread over four times as many windows as with six words (twelve
        // saved 0.64 M instructions a pass over the bench corpus, twenty-
        // four 0.31 M more).
        let stop = bytes.len().saturating_sub(97);
        while q < stop {
            let Some(c) = bytes.get(q..).and_then(|t| t.first_chunk::<98>()) else {
                break;
            };
            let word = |j: usize| {
                c.get(j..)
                    .and_then(|t| t.first_chunk::<8>())
                    .map_or(0, |w| u64::from_le_bytes(*w))
            };
            // Written out by the macro: neither a loop over the twelve nor
            // a chain of `or_else` is unrolled (the chain took 25 M more).
            macro_rules! steps {
                ($($at:literal),*) => {$(
                    if let Some((i, h)) = self.test4(bytes, q + $at, word($at), word($at + 2)) {
                        return Some((q + $at + i, h));
                    }
                )*};
            }
            steps!(0, 8, 16, 24, 32, 40, 48, 56, 64, 72, 80, 88);
            q += 96;
        }
        // Two words a step (offsets 0 and 6 of fourteen bytes) while they
        // fit: six windows for one loop test.
        while let Some(chunk) = bytes.get(q..q.wrapping_add(14)) {
            let (Some(a), Some(b)) = (chunk.first_chunk::<8>(), chunk.last_chunk::<8>()) else {
                break;
            };
            if let Some((j, h)) = self.test3(bytes, q, u64::from_le_bytes(*a)) {
                return Some((q + j, h));
            }
            if let Some((j, h)) = self.test3(bytes, q + 6, u64::from_le_bytes(*b)) {
                return Some((q + 6 + j, h));
            }
            q += 12;
        }
        while let Some(chunk) = bytes.get(q..q.wrapping_add(8)) {
            let mut w = [0u8; 8];
            w.copy_from_slice(chunk);
            if let Some((j, h)) = self.test3(bytes, q, u64::from_le_bytes(w)) {
                return Some((q + j, h));
            }
            q += 6;
        }
        let tail = bytes.get(q..)?;
        let mut w = [0u8; 8];
        for (d, s) in w.iter_mut().zip(tail) {
            *d = *s;
        }
        let (j, h) = self.test3(bytes, q, u64::from_le_bytes(w))?;
        (j + 3 <= tail.len()).then_some((q + j, h))
    }

    /// The first of the windows at offsets 0, 2, 4 and 6 of the bytes at
    /// `q`, given as the words at `q` (`a`) and `q + 2` (`b`), that passes
    /// the scan's tests, and its hash.
    #[inline(always)]
    fn test4(&self, bytes: &[u8], q: usize, a: u64, b: u64) -> Option<(usize, usize)> {
        let (a, b) = (a | 0x2020_2020_2020_2020, b | 0x2020_2020_2020_2020);
        for (j, k) in [
            (0, a as u32),
            (2, b as u32),
            (4, (a >> 32) as u32),
            (6, (b >> 32) as u32),
        ] {
            if let Some(h) = self.test1(bytes, q + j, k) {
                return Some((j, h));
            }
        }
        None
    }

    /// The hash of the window at `q` (case-folded bytes `k`) if it passes
    /// the scan's tests.
    #[inline(always)]
    fn test1(&self, bytes: &[u8], q: usize, k: u32) -> Option<usize> {
        let first = self
            .tables
            .get(FIRST_AT + first_hash(k))
            .is_some_and(|&f| f != 0);
        (first && self.confirm_here(bytes, q, k)).then(|| start_hash(k))
    }

    /// The first of the windows at offsets 0, 2 and 4 of `word` (the eight
    /// bytes at `q`, zeros past the end) whose bits are set, and its hash.
    #[inline(always)]
    fn test3(&self, bytes: &[u8], q: usize, word: u64) -> Option<(usize, usize)> {
        let folded = word | 0x2020_2020_2020_2020;
        for j in [0, 2, 4] {
            if let Some(h) = self.test1(bytes, q + j, (folded >> (8 * j)) as u32) {
                return Some((j, h));
            }
        }
        None
    }

    /// [`Starts::confirm`], with its common case in line: eight bytes to
    /// load, and no phrase that fixes fewer from a window with these four.
    #[inline(always)]
    fn confirm_here(&self, bytes: &[u8], q: usize, k: u32) -> bool {
        match bytes.get(q..).and_then(|t| t.first_chunk::<8>()) {
            Some(w) if self.short_of(k) == 0 => self.long_has(long_hash(fold8(*w))),
            _ => self.confirm(bytes, q, k),
        }
    }

    /// The window at `q`, whose four case-folded bytes are `k`, may see a
    /// phrase: a phrase that fixes only these four has them, or the eight
    /// bytes at `q` (zeros past the end), or their first five to seven,
    /// are those of a phrase. A window that sees a phrase occurring there
    /// always passes.
    #[cold]
    fn confirm(&self, bytes: &[u8], q: usize, k: u32) -> bool {
        let fixes = self.short_of(k);
        let check = self.tables.get(CHECK_AT..).unwrap_or(&[]);
        if fixes & 1 != 0 && get_bit(check, check_hash(k)) {
            return true;
        }
        let rest = bytes.get(q..).unwrap_or(&[]);
        let w = match rest.first_chunk::<8>() {
            Some(w) => *w,
            None => {
                let mut w = [0u8; 8];
                for (d, s) in w.iter_mut().zip(rest) {
                    *d = *s;
                }
                w
            }
        };
        let w = fold8(w);
        if self.long_has(long_hash(w)) {
            return true;
        }
        // Bit `n - 4` of `fixes`: a phrase fixes `n` bytes from a window
        // with these four.
        (5..8).any(|n| fixes & (1 << (n - 4)) != 0 && self.long_has(long_hash(w & low_bytes(n))))
    }
}

/// Indexes the bytes of phrase `b` that its window at `from` fixes (`At`
/// at 0, `After` at 1), eight at most, if there are at least five, under
/// [`long_hash`] (the bytes past them masked off): how many, or 0 if
/// there are fewer (the window is then keyed on its four bytes alone).
fn fix_bytes(long: &mut [u8], b: &[u8], from: usize) -> usize {
    let t = b.get(from..).unwrap_or(&[]);
    let n = t.len().min(8);
    if n < 5 {
        return 0;
    }
    let mut w = [0u8; 8];
    for (d, s) in w.iter_mut().zip(t) {
        *d = *s;
    }
    if let Some(f) = long.get_mut(long_hash(fold8(w) & low_bytes(n))) {
        *f = 1;
    }
    n
}

/// The low `n` bytes of a word set (all of them from eight on).
#[inline]
fn low_bytes(n: usize) -> u64 {
    if n >= 8 { !0 } else { (1u64 << (8 * n)) - 1 }
}

/// "Any byte" in a window key: one per value the case fold leaves (those
/// with bit 5 set), as the others fold onto them.
fn any_byte() -> impl Iterator<Item = u8> {
    (0..=255u8).filter(|x| x & 0x20 != 0)
}

/// A phrase's key in the index build: its window's hash, where the window
/// sits, its id, in one word that orders as the triple does.
fn pack(h: usize, at: Window, id: u32) -> u64 {
    ((h as u64) << 34) | (u64::from(at.bit().trailing_zeros()) << 32) | u64::from(id)
}

/// The triple of [`pack`].
fn unpack(k: u64) -> (usize, Window, u32) {
    let at = match (k >> 32) & 3 {
        0 => Window::At,
        1 => Window::After,
        _ => Window::Before,
    };
    ((k >> 34) as usize, at, k as u32)
}

/// `text` equals `lower` (ASCII-lowercased, as long) ASCII-case-
/// insensitively, as `eq_ignore_ascii_case` says, given `keep` (see
/// [`keep_mask`]): every byte the same but bit 5 where `lower` has a
/// letter. Eight bytes at a time (the last eight overlapping the ones
/// before) where eight fit, else four.
#[inline]
fn eq_lowered(text: &[u8], lower: &[u8], keep: &[u8]) -> bool {
    let n = lower.len();
    if text.len() != n || keep.len() != n {
        return false;
    }
    fn words<const W: usize>(text: &[u8], lower: &[u8], keep: &[u8]) -> bool {
        let word = |b: &[u8], i: usize| {
            let mut w = [0u8; 8];
            if let Some(c) = b.get(i..).and_then(|t| t.first_chunk::<W>()) {
                for (d, s) in w.iter_mut().zip(c) {
                    *d = *s;
                }
            }
            u64::from_le_bytes(w)
        };
        let last = lower.len() - W;
        let mut i = 0;
        loop {
            let at = i.min(last);
            if (word(text, at) ^ word(lower, at)) & word(keep, at) != 0 {
                return false;
            }
            if at == last {
                return true;
            }
            i += W;
        }
    }
    match n {
        8.. => words::<8>(text, lower, keep),
        4.. => words::<4>(text, lower, keep),
        _ => text
            .iter()
            .zip(lower)
            .zip(keep)
            .all(|((t, l), k)| (t ^ l) & k == 0),
    }
}

/// The bits of `lower` (ASCII-lowercased) that text must match
/// ASCII-case-insensitively: all but bit 5 of a letter, which `A`..`Z`
/// clear, every bit of any other byte.
fn keep_mask(lower: &[u8]) -> Box<[u8]> {
    lower
        .iter()
        .map(|b| if b.is_ascii_lowercase() { !0x20 } else { !0 })
        .collect()
}

/// Sets bit `h` of `set`; true (for chaining) if it is in range.
fn set_bit(set: &mut [u8], h: usize) -> bool {
    match set.get_mut(h >> 3) {
        Some(w) => {
            *w |= 1 << (h & 7);
            true
        }
        None => false,
    }
}

/// Bit `h` of `set`.
#[inline]
fn get_bit(set: &[u8], h: usize) -> bool {
    set.get(h >> 3).is_some_and(|&w| (w >> (h & 7)) & 1 != 0)
}

/// Bits of [`long_hash`] (a byte each, 64 KiB).
const LONG_BITS: u32 = 16;
const LONG_LEN: usize = 1 << LONG_BITS;

/// A hash of eight case-folded bytes, to `LONG_BITS` bits.
#[inline]
fn long_hash(k: u64) -> usize {
    (k.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - LONG_BITS)) as usize
}

/// Case-folds eight bytes (see [`Starts`]).
#[inline]
fn fold8(w: [u8; 8]) -> u64 {
    u64::from_le_bytes(w) | 0x2020_2020_2020_2020
}

/// The hash of the (zero-padded) four bytes at `q`.
#[inline]
fn window_hash(bytes: &[u8], q: usize) -> usize {
    let w = match bytes.get(q..).and_then(|t| t.first_chunk::<4>()) {
        Some(w) => *w,
        None => {
            let mut w = [0u8; 4];
            for (d, s) in w.iter_mut().zip(bytes.get(q..).unwrap_or(&[])) {
                *d = *s;
            }
            w
        }
    };
    start_hash(fold4(w))
}

/// Bits of [`short_hash`] (32 KiB).
const SHORT_BITS: u32 = 15;
const SHORT_LEN: usize = 1 << SHORT_BITS;

/// Hashes four case-folded bytes to `SHORT_BITS` bits, for `short`.
#[inline(always)]
fn short_hash(k: u32) -> usize {
    (k.wrapping_mul(0xC2B2_AE35) >> (32 - SHORT_BITS)) as usize
}

/// Bits of [`check_hash`], for `four_check` (8 KiB).
const CHECK_BITS: u32 = 16;
const CHECK_LEN: usize = 1 << (CHECK_BITS - 3);

/// Where each byte table starts in [`Starts::tables`], and their total length.
const FIRST_AT: usize = 0;
const LONG_AT: usize = FIRST_AT + FIRST_LEN;
const SHORT_AT: usize = LONG_AT + LONG_LEN;
const CHECK_AT: usize = SHORT_AT + SHORT_LEN;
const TABLES_LEN: usize = CHECK_AT + CHECK_LEN;

/// A second hash of four case-folded bytes, to `CHECK_BITS` bits.
#[inline(always)]
fn check_hash(k: u32) -> usize {
    (k.wrapping_mul(0x85EB_CA6B) >> (32 - CHECK_BITS)) as usize
}

/// Hashes four case-folded bytes to `FIRST_BITS` bits, for `first` (see [`Starts::tables`]):
/// a multiplier of its own, so that the product is used once (the few
/// windows that pass multiply again for the other hashes).
#[inline(always)]
fn first_hash(k: u32) -> usize {
    (k.wrapping_mul(0x2545_F491) >> (32 - FIRST_BITS)) as usize
}

/// The multiplier of [`start_hash`].
const START_MUL: u32 = 0x9E37_79B1;

/// Hashes four case-folded bytes to `START_BITS` bits.
#[inline(always)]
fn start_hash(k: u32) -> usize {
    (k.wrapping_mul(START_MUL) >> (32 - START_BITS)) as usize
}

/// Case-folds four bytes (see [`Starts`]).
#[inline]
fn fold4(head: [u8; 4]) -> u32 {
    u32::from_le_bytes(head) | 0x2020_2020
}

/// One phrase found in the text.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub phrase: u32,
}

impl Lexicon {
    /// The built-in lexicon, compiled on first use and shared.
    pub(crate) fn builtin() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::build(&Options::default()))
    }

    /// Compiles the built-in phrases plus the options' own, minus disabled kinds.
    pub(crate) fn build(options: &Options) -> Lexicon {
        let mut patterns: Vec<&str> = Vec::new();
        let mut meta = Vec::new();
        let mut add =
            |kind: BoilerplateKind, strong: bool, phrase: &'_ str, rule: Cow<'static, str>| {
                if phrase.is_empty() || options.disabled_kinds.contains(&kind) {
                    return None;
                }
                let word = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !is_cjk(c));
                meta.push(PhraseMeta {
                    kind,
                    strong,
                    rule,
                    word_start: word(phrase.chars().next()),
                    word_end: word(phrase.chars().next_back()),
                });
                Some(())
            };
        for p in builtin_phrases() {
            if add(p.kind, p.strong, p.phrase, Cow::Borrowed(p.rule)).is_some() {
                patterns.push(p.phrase);
            }
        }
        for p in &options.extra_phrases {
            let phrase = p.text.trim();
            let rule = Cow::Owned(format!("lexicon:{}:{phrase}", p.lang));
            if add(p.kind, p.strong, phrase, rule).is_some() {
                patterns.push(phrase);
            }
        }
        // The index where it can be built; an automaton otherwise.
        let starts = Starts::new(&patterns);
        let automaton = if starts.is_some() {
            None
        } else {
            AhoCorasickBuilder::new()
                .ascii_case_insensitive(true)
                .match_kind(MatchKind::LeftmostLongest)
                .kind(Some(AhoCorasickKind::DFA))
                .build(&patterns)
                .or_else(|_| {
                    AhoCorasickBuilder::new()
                        .ascii_case_insensitive(true)
                        .match_kind(MatchKind::LeftmostLongest)
                        .build(&patterns)
                })
                .ok()
        };
        Lexicon {
            starts,
            automaton,
            meta,
        }
    }

    /// The meaning of phrase `i`.
    pub(crate) fn meta(&self, i: u32) -> Option<&PhraseMeta> {
        self.meta.get(i as usize)
    }

    /// Number of phrases.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.meta.len()
    }

    /// Every phrase occurrence in `text` that sits on word boundaries, in order.
    ///
    /// The occurrences are those of a leftmost-longest search (each match
    /// ends the previous one's region), filtered for word boundaries after
    /// the search, so a match inside a word still hides what it overlaps.
    pub(crate) fn find_all<'t>(&'t self, text: &'t str) -> impl Iterator<Item = Found> + 't {
        let bytes = text.as_bytes();
        let mut at = 0usize;
        // The index's matches come in batches (see `Starts::find_batch`):
        // `batch[next..len]` are left, and none follow once a batch falls
        // short.
        let mut batch = [(0usize, 0usize, 0u32); BATCH];
        let (mut next, mut len, mut last) = (0, 0, false);
        // One search or the other: the automaton is built only where the
        // index is not.
        let mut plain = match (&self.starts, &self.automaton) {
            (None, Some(ac)) => Some(ac.find_iter(text)),
            _ => None,
        };
        std::iter::from_fn(move || {
            loop {
                let (start, end, phrase) = match (&self.starts, plain.as_mut()) {
                    (Some(starts), _) => {
                        if next == len {
                            if last {
                                return None;
                            }
                            len = starts.find_batch(bytes, at, &mut batch);
                            next = 0;
                            last = len < BATCH;
                            at = batch.get(len.checked_sub(1)?)?.1;
                        }
                        let found = *batch.get(next)?;
                        next += 1;
                        found
                    }
                    (None, Some(it)) => {
                        let m = it.next()?;
                        (m.start(), m.end(), m.pattern().as_u32())
                    }
                    (None, None) => return None,
                };
                if self.on_word_boundaries(text, start, end, phrase) {
                    return Some(Found { start, end, phrase });
                }
            }
        })
    }

    /// The occurrence of `phrase` at `start..end` of `text` has no word
    /// character next to it where the phrase starts or ends with one.
    #[inline]
    fn on_word_boundaries(&self, text: &str, start: usize, end: usize, phrase: u32) -> bool {
        let Some(meta) = self.meta.get(phrase as usize) else {
            return false;
        };
        let wordy = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !is_cjk(c));
        // An ASCII byte next to the match is the character there (no other
        // character's bytes are under 0x80); others are decoded.
        let bytes = text.as_bytes();
        if meta.word_start {
            let before = match start.checked_sub(1).and_then(|i| bytes.get(i)) {
                Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
                _ => wordy(text.get(..start).and_then(|s| s.chars().next_back())),
            };
            if before {
                return false;
            }
        }
        if meta.word_end {
            let after = match bytes.get(end) {
                Some(&b) if b < 0x80 => b.is_ascii_alphanumeric(),
                _ => wordy(text.get(end..).and_then(|s| s.chars().next())),
            };
            if after {
                return false;
            }
        }
        true
    }
}

/// Chinese, Japanese and Korean characters: no spaces between words, so no
/// word boundaries either.
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xAC00..=0xD7AF | 0xF900..=0xFAFF | 0xFF00..=0xFFEF)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn builtin_has_every_language() {
        let lex = Lexicon::builtin();
        assert!(
            lex.len() > 100,
            "built-in lexicon has {} phrases",
            lex.len()
        );
        for lang in [
            "en", "de", "fr", "es", "it", "pt", "nl", "pl", "zh", "ja", "ru",
        ] {
            let tag = format!("lexicon:{lang}:");
            assert!(
                lex.meta.iter().any(|m| m.rule.starts_with(&tag)),
                "no phrase for {lang}"
            );
        }
    }

    #[test]
    fn matches_on_word_boundaries_only() {
        let mut o = Options::default();
        o.extra_phrases
            .push(crate::Phrase::new(BoilerplateKind::Social, "zzshare"));
        let lex = Lexicon::build(&o);
        assert_eq!(lex.find_all("ZZSHARE this").count(), 1, "case-insensitive");
        assert_eq!(
            lex.find_all("azzshare").count(),
            0,
            "no match inside a word"
        );
    }

    /// The automaton of the search without the index ([`reference_in`]).
    fn reference_automaton(patterns: &[&str]) -> AhoCorasick {
        AhoCorasickBuilder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::LeftmostLongest)
            .build(patterns)
            .unwrap()
    }

    /// The search without the index: one leftmost-longest automaton
    /// (`ac`, from [`reference_automaton`]) over the whole text, as the
    /// lexicon was first written.
    fn reference_in(ac: &AhoCorasick, lex: &Lexicon, text: &str) -> Vec<(usize, usize, u32)> {
        let wordy = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric() && !is_cjk(c));
        ac.find_iter(text)
            .filter(|m| {
                let meta = &lex.meta[m.pattern().as_usize()];
                let before = text[..m.start()].chars().next_back();
                let after = text[m.end()..].chars().next();
                !((meta.word_start && wordy(before)) || (meta.word_end && wordy(after)))
            })
            .map(|m| (m.start(), m.end(), m.pattern().as_u32()))
            .collect()
    }

    fn same_as_reference(lex: &Lexicon, patterns: &[&str], text: &str) {
        same_as_automaton(lex, &reference_automaton(patterns), text);
    }

    /// The index's matches in `text` are those of `ac`, built by
    /// [`reference_automaton`] on the lexicon's phrases.
    fn same_as_automaton(lex: &Lexicon, ac: &AhoCorasick, text: &str) {
        let fast: Vec<_> = lex
            .find_all(text)
            .map(|f| (f.start, f.end, f.phrase))
            .collect();
        assert_eq!(
            fast,
            reference_in(ac, lex, text),
            "same matches in {text:?}"
        );
    }

    fn builtin_patterns() -> Vec<&'static str> {
        builtin_phrases().iter().map(|p| p.phrase).collect()
    }

    #[test]
    fn index_finds_what_the_automaton_finds() {
        let lex = Lexicon::builtin();
        let patterns = builtin_patterns();
        assert!(lex.starts.is_some(), "built-in phrases all have 3+ bytes");
        for text in [
            "We use cookies. Accept all cookies | Cookie settings",
            "xaccept all cookies: a match inside a word hides the phrases it overlaps",
            "ACCEPT ALL COOKIES and Share on Facebook, share on X",
            "Skip to main contentMenu\nSearch\nSign in",
            "我们使用 cookie 政策。分享到微信 返回顶部",
            "- Anzeige -\nDas könnte Sie auch interessieren",
            "Ähnliche Beiträge · ähnliche beiträge · Últimas noticias",
            "shareshare share; menumenu menu",
            "menu",
            " menu",
            "x menu",
            "a menu.",
            "venue revenue menu",
            "AFP/dpa, epa: prepare to separate",
            "Foto: dpa",
            "dpa",
            " dpa",
            "coo",
            "",
            "Читайте также: Подпишитесь на нашу рассылку",
        ] {
            same_as_reference(lex, &patterns, text);
            // Every alignment: the scan looks at even offsets only.
            same_as_reference(lex, &patterns, &format!(" {text}"));
        }
        // Every phrase, side by side: overlaps, adjacent matches, prefixes,
        // both alignments.
        for sep in [" ", "", "x", "\n", " · ", "  "] {
            let joined = patterns.join(sep);
            for text in [joined.clone(), joined.to_ascii_uppercase()] {
                same_as_reference(lex, &patterns, &text);
                same_as_reference(lex, &patterns, &format!("-{text}"));
            }
        }
    }

    /// A phrase at every offset of texts of lengths up to past the scan's
    /// first 98-byte step: each of its loops (98, 14 and 8 bytes a step,
    /// the tail) sees it, at both alignments, at the text's end.
    #[test]
    fn index_finds_phrases_at_every_offset_and_length() {
        let lex = Lexicon::builtin();
        let ac = reference_automaton(&builtin_patterns());
        let same = |text: &str| same_as_automaton(lex, &ac, text);
        let filler = "lorem ipsum dolor sit amet, consectetur adipiscing elit sed do eiusmod \
                      tempor incididunt ut labore et dolore magna aliqua";
        for phrase in [
            "dpa",
            "menu",
            "Share on Facebook",
            "afp",
            "Accept all cookies",
        ] {
            for pad in 0..104 {
                for tail in [0, 1, 2, 3, 5, 8, 13, 25, 26, 27, 49, 50, 51] {
                    let text = format!("{}{phrase}{}", &filler[..pad], &filler[..tail]);
                    same(&text);
                    // Separated by a space, so that the word-boundary filter
                    // keeps the match, which the reference must find too.
                    let text = format!("{} {phrase} {}", &filler[..pad], &filler[..tail]);
                    same(&text);
                    assert!(lex.find_all(&text).count() > 0, "{phrase:?} in {text:?}");
                }
            }
        }
    }

    /// Texts of up to three batches of matches, and one past: every count
    /// around [`BATCH`] and its multiples.
    #[test]
    fn matches_in_batches_are_all_found() {
        let lex = Lexicon::builtin();
        let ac = reference_automaton(&builtin_patterns());
        for n in 0..3 * BATCH + 2 {
            for (phrase, sep) in [("dpa", " "), ("menu", "; "), ("Share on Facebook", "\n")] {
                let text = vec![phrase; n].join(sep);
                let fast: Vec<_> = lex
                    .find_all(&text)
                    .map(|f| (f.start, f.end, f.phrase))
                    .collect();
                assert_eq!(fast.len(), n, "{n} of {phrase:?}");
                assert_eq!(fast, reference_in(&ac, lex, &text), "{n} of {phrase:?}");
            }
        }
    }

    #[test]
    fn index_handles_user_phrases() {
        let mut o = Options::default();
        let extra = [
            "ZZZZ",
            "yyyy",
            "Accept All Cookies",
            "qqqqq",
            "zzzzz",
            "qqq",
            "zzz",
            "vwxyz",
            "uvwxyz",
            "tuvwxyz",
            "stuvwxyz",
        ];
        for p in extra {
            o.extra_phrases
                .push(crate::Phrase::new(BoilerplateKind::Social, p));
        }
        let lex = Lexicon::build(&o);
        assert!(lex.starts.is_some());
        let mut patterns = builtin_patterns();
        patterns.extend(extra);
        for text in [
            "zzzz",
            " zzzz",
            "zzzz yyyy",
            "a zzzzz b zzzz",
            "accept all cookies",
            "zzzzzzzzz yyyyy qqqqqq",
            "qqq",
            "qqqq qqq zzz",
            "a qqq",
            "xqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq",
            "vwxyz",
            "a vwxyz",
            "uvwxy uvwxyz tuvwxy stuvwxyz",
            "STUVWXYZ TUVWXYZ vwxyzz",
            "vwxy",
            "tuvwxyzstuvwxyz",
            "\u{e9}zzzz \u{e9}zzzz\u{e9} zzzz\u{e9}",
            "\u{4e2d}zzzz\u{4e2d} \u{3a9}zzzz zzzz\u{3a9}",
            "1zzzz zzzz1 _zzzz_ -zzzz-",
            "zzzz\u{301} \u{301}zzzz",
        ] {
            same_as_reference(&lex, &patterns, text);
            same_as_reference(&lex, &patterns, &format!("x {text}"));
        }
    }

    #[test]
    fn more_start_hashes_than_slots_hold_use_the_plain_search() {
        // Each three-byte phrase keys 256 windows: 400 of them set more
        // start hashes than a `u16` slot numbers.
        let mut o = Options::default();
        let extra: Vec<String> = (0..400u32)
            .map(|i| {
                let c = |n: u32| char::from(b'a' + u8::try_from(n % 26).unwrap());
                format!("{}{}{}", c(i / 26 / 26), c(i / 26), c(i))
            })
            .collect();
        for p in &extra {
            o.extra_phrases
                .push(crate::Phrase::new(BoilerplateKind::Social, p));
        }
        let lex = Lexicon::build(&o);
        assert!(lex.starts.is_none(), "too many start hashes to index");
        let mut patterns = builtin_patterns();
        patterns.extend(extra.iter().map(String::as_str));
        for text in ["abc aab ape", "we use cookies: bar pop", "aaa"] {
            same_as_reference(&lex, &patterns, text);
        }
    }

    #[test]
    fn short_user_phrases_use_the_plain_search() {
        let mut o = Options::default();
        o.extra_phrases
            .push(crate::Phrase::new(BoilerplateKind::Social, "zz"));
        let lex = Lexicon::build(&o);
        assert!(lex.starts.is_none(), "a 2-byte phrase is not indexed");
        assert_eq!(lex.find_all("a zz b").count(), 1);
        assert_eq!(lex.find_all("we use cookies").count(), 1);
    }

    /// The table as it was first read, one `lines`/`split`/`trim` at a time.
    fn builtin_reference() -> Vec<(BoilerplateKind, bool, &'static str, String)> {
        PHRASES_TSV
            .lines()
            .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
            .filter_map(|line| {
                let mut cols = line.split('\t');
                let (lang, kind, strength, phrase) =
                    (cols.next()?, cols.next()?, cols.next()?, cols.next()?);
                let kind = BoilerplateKind::from_name(kind.trim())?;
                let phrase = phrase.trim();
                let rule = format!("lexicon:{}:{phrase}", lang.trim());
                Some((kind, strength.trim() == "strong", phrase, rule))
            })
            .collect()
    }

    #[test]
    fn trim_is_str_trim() {
        // Every character up to U+0100 and some past it, alone, at either
        // end, between letters, doubled.
        let chars: Vec<char> = (0..=0x100u32)
            .chain([0x1680, 0x2000, 0x200b, 0x2028, 0x3000, 0xfeff, 0x4e2d])
            .filter_map(char::from_u32)
            .collect();
        for &c in &chars {
            for t in [
                format!("{c}"),
                format!("{c}a"),
                format!("a{c}"),
                format!("{c}ab{c}"),
                format!("a{c}b"),
                format!("{c}{c}x"),
                format!("x {c}"),
            ] {
                assert_eq!(trim(&t), t.trim(), "{t:?}");
            }
        }
        assert_eq!(trim(""), "");
    }

    #[test]
    fn table_reads_as_lines_split_and_trim_read_it() {
        let fast: Vec<_> = builtin_phrases()
            .iter()
            .map(|p| (p.kind, p.strong, p.phrase, p.rule.to_string()))
            .collect();
        assert_eq!(fast, builtin_reference());
        fn rows(t: &str) -> Vec<Vec<&str>> {
            tsv_rows(t).map(|r| r.to_vec()).collect()
        }
        fn reference(t: &str) -> Vec<Vec<&str>> {
            t.lines()
                .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
                .filter_map(|line| {
                    let mut cols = line.split('\t');
                    Some(vec![
                        cols.next()?.trim(),
                        cols.next()?.trim(),
                        cols.next()?.trim(),
                        cols.next()?.trim(),
                    ])
                })
                .collect()
        }
        for t in [
            "",
            "\n\n",
            "# c\ten\tx\tstrong\tp\n",
            "en\tsocial\tstrong\tshare\r\nde\tsocial\tweak\tteilen",
            "en\tsocial\tstrong\n en \t social \t weak \t a b \t extra\n",
            "a\tb\tc\t\n\t\t\t\n  \n\tx\n",
            "a\tb\tc\td\r",
        ] {
            assert_eq!(rows(t), reference(t), "{t:?}");
        }
    }

    #[test]
    fn every_window_of_an_occurrence_passes_confirm() {
        let mut patterns = builtin_patterns();
        patterns.extend([
            "abcde",
            "abcdef",
            "AbCdEfG",
            "abcdefgh",
            "abcdefghi",
            "xyz",
            "wxyz",
        ]);
        let starts = Starts::new(&patterns).unwrap();
        for p in &patterns {
            for text in [p.to_string(), p.to_ascii_uppercase()] {
                for pad in ["", "a", "ab", "abc"] {
                    for tail in ["", " ", "!x", " and more text"] {
                        let t = format!("{pad}{text}{tail}");
                        let bytes = t.as_bytes();
                        let s = pad.len();
                        // The window that sees a start: its own if even,
                        // else the one after (the one before, for a
                        // three-byte phrase).
                        let q = match (s % 2, p.len()) {
                            (0, _) => s,
                            (_, 3) => s - 1,
                            _ => s + 1,
                        };
                        let k = fold4(window4(bytes, q));
                        let h = start_hash(k);
                        assert!(starts.rank_of(h).is_some(), "{p:?} in {t:?} at {q}");
                        assert!(starts.confirm(bytes, q, k), "{p:?} in {t:?} at {q}");
                        assert!(starts.confirm_here(bytes, q, k), "{p:?} in {t:?} at {q}");
                    }
                }
            }
        }
    }

    /// The four bytes at `q`, zeros past the end.
    fn window4(bytes: &[u8], q: usize) -> [u8; 4] {
        let mut w = [0u8; 4];
        for (d, s) in w.iter_mut().zip(bytes.get(q..).unwrap_or(&[])) {
            *d = *s;
        }
        w
    }

    #[test]
    fn word_compare_is_eq_ignore_ascii_case() {
        let eq = |a: &[u8], b: &[u8]| {
            let lower = b.to_ascii_lowercase();
            eq_lowered(a, &lower, &keep_mask(&lower))
        };
        // Every pair of bytes, at lengths that take each path.
        for x in 0..=255u8 {
            for y in 0..=255u8 {
                for n in [1, 3, 4, 6, 8, 11] {
                    let (a, b) = (vec![x; n], vec![y; n]);
                    assert_eq!(eq(&a, &b), a.eq_ignore_ascii_case(&b), "{x:#x} {y:#x} {n}");
                    let mut c = b.clone();
                    c[n / 2] = x;
                    assert_eq!(eq(&c, &b), c.eq_ignore_ascii_case(&b), "{x:#x} {y:#x} {n}");
                }
            }
        }
        let texts: [&[u8]; 8] = [
            b"abc",
            b"Accept All Cookies",
            b"ACCEPT ALL COOKIEZ",
            b"accept all cookies",
            b"Share on Facebook",
            b"\xc3\x84hnliche Beitr\xc3\xa4ge",
            b"\xc3\xa4hnliche Beitr\xc3\xa4ge",
            b"12345678",
        ];
        for a in texts {
            for b in texts {
                for cut in 0..=a.len().min(b.len()) {
                    let (a, b) = (&a[..cut], &b[..cut]);
                    assert_eq!(eq(a, b), a.eq_ignore_ascii_case(b), "{a:?} {b:?}");
                }
            }
        }
        assert!(!eq(b"abcdefghi", b"abcdefgh"));
    }

    #[test]
    fn disabled_kinds_drop_their_phrases() {
        let mut o = Options::default();
        o.disabled_kinds.push(BoilerplateKind::CookieNotice);
        let lex = Lexicon::build(&o);
        assert!(
            lex.meta
                .iter()
                .all(|m| m.kind != BoilerplateKind::CookieNotice)
        );
    }
}
