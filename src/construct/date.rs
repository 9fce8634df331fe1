//! Dates and date lines.
//!
//! ```text
//! date     = iso | numeric | day-month-year | month-day-year | cjk | relative
//! iso      = yyyy "-" mm "-" dd [("T" | " ") hh ":" mm [":" ss]]     2024-05-18T09:15
//! numeric  = d{1,2} ("." | "/") d{1,2} ("." | "/") d{2,4}           18.05.2024
//! dmy      = d{1,2} ["."] ws ["de" ws] month ["," | "."] ws ["de" ws] yyyy   18 May 2024, 18. Oktober 2019
//! mdy      = month ["."] ws d{1,2} [st|nd|rd|th] [","] ws yyyy      May 18, 2024, Mai 18, 2024
//! cjk      = yyyy "年" m "月" d "日"                                 2024年5月18日
//! relative = n ws unit ws "ago" | "vor" ws n ws unit               3 hours ago, vor 3 Stunden
//! ```
//! A *date line* is a short line that holds a date (or a time after a
//! "Published"/"Updated" keyword) and little else.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use nom::{
    IResult, Parser,
    branch::alt,
    bytes::complete::{tag, tag_no_case, take_while_m_n, take_while1},
    character::complete::{char, one_of, space0, space1},
    combinator::{opt, recognize, verify},
};

/// A recognised date line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DateLine {
    /// The line says the article was updated ("Updated: ...").
    pub updated: bool,
}

const MONTHS: &[&str] = &[
    // en
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    // de
    "januar",
    "jänner",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "mär",
    "okt",
    "dez",
    // fr
    "janvier",
    "février",
    "mars",
    "avril",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
    "janv",
    "févr",
    "avr",
    "juil",
    "déc",
    // es
    "enero",
    "febrero",
    "marzo",
    "abril",
    "mayo",
    "junio",
    "julio",
    "agosto",
    "septiembre",
    "setiembre",
    "octubre",
    "noviembre",
    "diciembre",
    "ene",
    "dic",
    // it
    "gennaio",
    "febbraio",
    "aprile",
    "maggio",
    "giugno",
    "luglio",
    "settembre",
    "ottobre",
    "dicembre",
    "gen",
    "mag",
    "giu",
    "lug",
    "ago",
    "set",
    "ott",
    // pt
    "janeiro",
    "fevereiro",
    "março",
    "maio",
    "junho",
    "julho",
    "setembro",
    "outubro",
    "dezembro",
    "fev",
    "out",
    // nl
    "januari",
    "februari",
    "maart",
    "mei",
    "augustus",
    // pl (genitive, as in dates)
    "stycznia",
    "lutego",
    "marca",
    "kwietnia",
    "maja",
    "czerwca",
    "lipca",
    "sierpnia",
    "września",
    "października",
    "listopada",
    "grudnia",
];

const UPDATE_WORDS: &[&str] = &[
    "updated",
    "last updated",
    "update",
    "aktualisiert",
    "zuletzt aktualisiert",
    "mis à jour",
    "actualizado",
    "aggiornato",
    "atualizado",
    "bijgewerkt",
    "zaktualizowano",
    "aktualizacja",
    "modified",
    "last modified",
    "geändert",
];

const PUBLISH_WORDS: &[&str] = &[
    "published",
    "posted",
    "first published",
    "publication",
    "veröffentlicht",
    "erschienen",
    "stand",
    "publié",
    "publié le",
    "publicado",
    "pubblicato",
    "publicada",
    "gepubliceerd",
    "opublikowano",
    "data publikacji",
    "date",
    "datum",
    "fecha",
];

/// Most spaces a date line has.
pub(crate) const MAX_SPACES: usize = 20;

/// Words that may stand in a date line besides the date itself.
const FILLER: &[&str] = &[
    "on",
    "at",
    "am",
    "pm",
    "a.m.",
    "p.m.",
    "uhr",
    "um",
    "le",
    "à",
    "el",
    "a",
    "las",
    "los",
    "de",
    "del",
    "alle",
    "ore",
    "às",
    "o",
    "om",
    "bst",
    "gmt",
    "utc",
    "cet",
    "cest",
    "mez",
    "mesz",
    "est",
    "edt",
    "pst",
    "pdt",
    "et",
    "hkt",
    "ist",
    "jst",
    "min",
    "read",
    "minutes",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "montag",
    "dienstag",
    "mittwoch",
    "donnerstag",
    "freitag",
    "samstag",
    "sonntag",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "lunes",
    "martes",
    "miércoles",
    "jueves",
    "viernes",
    "sábado",
    "domingo",
    "updated",
    "published",
    "posted",
    "aktualisiert",
    "veröffentlicht",
    "actualizado",
    "publicado",
    "publié",
    "mis",
    "jour",
    "last",
    "first",
    "stand",
];

fn eq_fold(word: &str, want: &str) -> bool {
    word.chars().flat_map(char::to_lowercase).eq(want.chars())
}

fn digits(min: usize, max: usize) -> impl FnMut(&str) -> IResult<&str, &str> {
    move |i| take_while_m_n(min, max, |c: char| c.is_ascii_digit()).parse_complete(i)
}

/// Lower-cases `word` into `buf` without allocating; `None` when it does
/// not fit (no month name is that long).
fn lower<'b>(word: &str, buf: &'b mut [u8; 32]) -> Option<&'b str> {
    if word.is_ascii() {
        let dst = buf.get_mut(..word.len())?;
        dst.copy_from_slice(word.as_bytes());
        dst.make_ascii_lowercase();
        return std::str::from_utf8(dst).ok();
    }
    let mut n = 0;
    for c in word.chars().flat_map(char::to_lowercase) {
        let len = c.len_utf8();
        let dst = buf.get_mut(n..n + len)?;
        c.encode_utf8(dst);
        n += len;
    }
    std::str::from_utf8(buf.get(..n)?).ok()
}

/// FNV-1a, for the fixed word sets below: nothing from the page is ever
/// inserted, so a look-up costs the same whatever the page holds, and a
/// keyed hash (SipHash, several times slower on short words) buys nothing.
struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Self {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A fixed set of lower-case words.
type WordSet = HashSet<&'static str, BuildHasherDefault<Fnv>>;

/// Whether the lower-cased `word` is in `set`: the same as
/// `words.iter().any(|w| eq_fold(word, w))` (no word of these lists is
/// anywhere near 32 bytes, the most `lower` writes).
fn in_set(set: &'static OnceLock<WordSet>, words: &[&'static str], word: &str) -> bool {
    let set = set.get_or_init(|| words.iter().copied().collect());
    let mut buf = [0u8; 32];
    lower(word, &mut buf).is_some_and(|w| set.contains(w))
}

/// Whether `word` names a month, in any case: one hash look-up.
fn is_month(word: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    word.len() <= 32 && in_set(&SET, MONTHS, word)
}

/// Whether `word` is one of [`FILLER`], in any case.
fn is_filler(word: &str) -> bool {
    static SET: OnceLock<WordSet> = OnceLock::new();
    in_set(&SET, FILLER, word)
}

fn month(i: &str) -> IResult<&str, &str> {
    verify(take_while1(char::is_alphabetic), is_month).parse_complete(i)
}

fn year(i: &str) -> IResult<&str, &str> {
    verify(digits(4, 4), |y: &str| {
        y.starts_with("19") || y.starts_with("20")
    })
    .parse_complete(i)
}

fn time(i: &str) -> IResult<&str, &str> {
    recognize((
        digits(1, 2),
        one_of(":."),
        digits(2, 2),
        opt((char(':'), digits(2, 2))),
        opt((
            space0,
            alt((
                tag_no_case("am"),
                tag_no_case("pm"),
                tag_no_case("a.m."),
                tag_no_case("p.m."),
            )),
        )),
    ))
    .parse_complete(i)
}

fn iso(i: &str) -> IResult<&str, &str> {
    recognize((
        year,
        char('-'),
        digits(2, 2),
        char('-'),
        digits(2, 2),
        opt((one_of("T "), time)),
    ))
    .parse_complete(i)
}

fn numeric(i: &str) -> IResult<&str, &str> {
    recognize((
        digits(1, 2),
        one_of("./"),
        digits(1, 2),
        one_of("./"),
        alt((year, digits(2, 2))),
    ))
    .parse_complete(i)
}

fn de(i: &str) -> IResult<&str, Option<(&str, &str)>> {
    opt((alt((tag_no_case("de"), tag_no_case("del"))), space1)).parse_complete(i)
}

fn dmy(i: &str) -> IResult<&str, &str> {
    recognize((
        digits(1, 2),
        opt(char('.')),
        space1,
        de,
        month,
        opt(one_of(".,")),
        space1,
        de,
        year,
    ))
    .parse_complete(i)
}

fn mdy(i: &str) -> IResult<&str, &str> {
    recognize((
        month,
        opt(char('.')),
        space1,
        digits(1, 2),
        opt(alt((tag("st"), tag("nd"), tag("rd"), tag("th")))),
        opt(char(',')),
        space1,
        year,
    ))
    .parse_complete(i)
}

fn cjk(i: &str) -> IResult<&str, &str> {
    recognize((
        year,
        space0,
        char('年'),
        space0,
        digits(1, 2),
        space0,
        char('月'),
        space0,
        digits(1, 2),
        space0,
        char('日'),
    ))
    .parse_complete(i)
}

/// Units of relative dates ("3 hours ago", "vor 2 Stunden").
const UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "min", "mins", "hour", "hours", "hr", "hrs", "day",
    "days", "week", "weeks", "month", "months", "sekunden", "minuten", "stunde", "stunden", "tag",
    "tagen", "woche", "wochen", "heure", "heures", "jour", "jours", "hora", "horas", "día", "días",
    "ora", "ore", "giorni", "uur", "dagen",
];

fn unit(i: &str) -> IResult<&str, &str> {
    verify(take_while1(char::is_alphabetic), |w: &str| {
        let mut buf = [0u8; 32];
        lower(w, &mut buf).is_some_and(|w| UNITS.contains(&w))
    })
    .parse_complete(i)
}

fn relative(i: &str) -> IResult<&str, &str> {
    alt((
        recognize((digits(1, 3), space1, unit, space1, tag_no_case("ago"))),
        recognize((
            alt((
                tag_no_case("vor"),
                tag_no_case("hace"),
                tag_no_case("il y a"),
            )),
            space1,
            digits(1, 3),
            space1,
            unit,
        )),
    ))
    .parse_complete(i)
}

fn any_date(i: &str) -> IResult<&str, &str> {
    alt((iso, cjk, numeric, dmy, mdy, relative)).parse_complete(i)
}

/// [`any_date`] at `i`, whose first character is `c`: what is left after
/// the date, or `None` where the grammars find none. A letter starts `mdy`
/// or `relative` ("vor 3 Tagen"); a digit run of four starts `iso` or
/// `cjk` (a year), of one or two `numeric`, `dmy` or `relative`, of three
/// `relative` only (each grammar takes a fixed number of digits first and
/// then wants a non-digit: see [`may_start_date`]). Only those are tried,
/// in the same order; the three that most lines meet (`numeric`, `dmy`,
/// `mdy`) are read byte by byte, as in [`fast`], the rest by the parsers.
fn any_date_from(i: &str, c: char, month: Option<usize>) -> Option<&str> {
    let b = i.as_bytes();
    let relative_at = || relative(i).ok().map(|(after, _)| after);
    let after = |n: usize| i.get(n..);
    if !c.is_ascii_digit() {
        return match month.and_then(|m| fast::mdy(i, m)) {
            Some(n) => after(n),
            None if matches!(
                b.first().map(u8::to_ascii_lowercase),
                Some(b'v' | b'h' | b'i')
            ) =>
            {
                relative_at()
            }
            None => None,
        };
    }
    let k = b.iter().take_while(|c| c.is_ascii_digit()).count();
    match k {
        4 => alt((iso, cjk))
            .parse_complete(i)
            .ok()
            .map(|(after, _)| after),
        1 | 2 => match fast::numeric(b).or_else(|| fast::dmy(i)) {
            Some(n) => after(n),
            None if fast::blanks(b, k) > 0 => relative_at(),
            None => None,
        },
        3 if fast::blanks(b, k) > 0 => relative_at(),
        _ => None,
    }
}

/// Hand-written readers of the `numeric`, `dmy` and `mdy` grammars, as
/// their parsers above read them (the tests and debug builds compare
/// them): each returns how many bytes the date takes. Digits, blanks
/// (spaces and tabs) and the separators are ASCII, so bytes stand for
/// characters; a month is a run of alphabetic characters that
/// [`is_month`].
mod fast {
    use super::is_month;

    /// The blanks from `at` on (`space0`; `space1` wants one or more).
    pub(super) fn blanks(b: &[u8], at: usize) -> usize {
        b.get(at..)
            .unwrap_or(&[])
            .iter()
            .take_while(|&&c| c == b' ' || c == b'\t')
            .count()
    }

    /// Up to `most` digits from `at` on (`take_while_m_n(1, most, ..)`
    /// wants one or more).
    fn digits(b: &[u8], at: usize, most: usize) -> usize {
        b.get(at..)
            .unwrap_or(&[])
            .iter()
            .take(most)
            .take_while(|c| c.is_ascii_digit())
            .count()
    }

    /// One of `set` at `at`: the position after it.
    fn one_of(b: &[u8], at: usize, set: &[u8]) -> Option<usize> {
        b.get(at).filter(|c| set.contains(c)).map(|_| at + 1)
    }

    /// An optional one of `set` at `at` (`opt(one_of(..))`).
    fn opt(b: &[u8], at: usize, set: &[u8]) -> usize {
        one_of(b, at, set).unwrap_or(at)
    }

    /// Blanks, one or more.
    fn blanks1(b: &[u8], at: usize) -> Option<usize> {
        let n = blanks(b, at);
        (n > 0).then_some(at + n)
    }

    /// `year`: four digits from 19 or 20.
    fn year(b: &[u8], at: usize) -> Option<usize> {
        let y = b.get(at..at + 4)?;
        (y.iter().all(u8::is_ascii_digit) && matches!(y.get(..2), Some(b"19" | b"20")))
            .then_some(at + 4)
    }

    /// `de`: "de" (any case) and blanks, or nothing. (The grammar tries
    /// "del" only after "de", which it begins with, so never.)
    fn de(b: &[u8], at: usize) -> usize {
        match b.get(at..at + 2) {
            Some(w) if w.eq_ignore_ascii_case(b"de") => blanks1(b, at + 2).unwrap_or(at),
            _ => at,
        }
    }

    /// `month`: the alphabetic run from `at`, a month name.
    pub(super) fn month(s: &str, at: usize) -> Option<usize> {
        let rest = s.get(at..)?;
        let len = rest
            .char_indices()
            .find(|&(_, c)| !c.is_alphabetic())
            .map_or(rest.len(), |(n, _)| n);
        (len > 0 && is_month(rest.get(..len)?)).then_some(at + len)
    }

    /// `numeric`: 18.05.2024, 5/18/24.
    pub(super) fn numeric(b: &[u8]) -> Option<usize> {
        let at = Some(digits(b, 0, 2)).filter(|&n| n > 0)?;
        let at = one_of(b, at, b"./")?;
        let n = digits(b, at, 2);
        let at = one_of(b, at + Some(n).filter(|&n| n > 0)?, b"./")?;
        year(b, at).or_else(|| (digits(b, at, 2) == 2).then_some(at + 2))
    }

    /// `dmy`: 18 May 2024, 18. Oktober 2019, 5 de mayo de 2024.
    pub(super) fn dmy(s: &str) -> Option<usize> {
        let b = s.as_bytes();
        let at = Some(digits(b, 0, 2)).filter(|&n| n > 0)?;
        let at = blanks1(b, opt(b, at, b"."))?;
        let at = month(s, de(b, at))?;
        let at = blanks1(b, opt(b, at, b".,"))?;
        year(b, de(b, at))
    }

    /// `mdy`: May 18, 2024, Mai 18th, 2019; `s` starts with a month name
    /// of `month` bytes.
    pub(super) fn mdy(s: &str, month: usize) -> Option<usize> {
        let b = s.as_bytes();
        let at = blanks1(b, opt(b, month, b"."))?;
        let at = at + Some(digits(b, at, 2)).filter(|&n| n > 0)?;
        let at = match b.get(at..at + 2) {
            Some(b"st" | b"nd" | b"rd" | b"th") => at + 2,
            _ => at,
        };
        year(b, blanks1(b, opt(b, at, b","))?)
    }
}

/// The byte range of the first date in `s`, if any. Tried only at word starts.
pub(crate) fn find_date(s: &str) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    // Every grammar takes ASCII digits (a day, a year or a number), so a
    // line without one holds no date: most bylines stop here.
    let Some(first_digit) = bytes.iter().position(u8::is_ascii_digit) else {
        debug_assert!(find_date_from_words(s, None).is_none(), "{s:?}");
        return None;
    };
    find_date_from_words(s, last_year(bytes, first_digit))
}

/// [`find_date`] once the last year is known ([`last_year`]): the words
/// from the start, each tried as a date's first.
fn find_date_from_words(s: &str, year: Option<usize>) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let try_at = |at: usize, c: char| date_at(s, at, c, year.is_some_and(|y| y > at));
    let mut prev_word = false;
    let mut at = 0;
    while let Some(&b) = bytes.get(at) {
        if b < 0x80 {
            let word = b.is_ascii_alphanumeric();
            if word
                && !prev_word
                && let Some(found) = try_at(at, char::from(b))
            {
                return Some(found);
            }
            prev_word = word;
            at += 1;
            // The rest of an ASCII word starts nothing.
            if word {
                while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
                    at += 1;
                }
            }
            continue;
        }
        let Some(c) = s.get(at..).and_then(|r| r.chars().next()) else {
            break;
        };
        let word = c.is_alphanumeric();
        if word
            && !prev_word
            && let Some(found) = try_at(at, c)
        {
            return Some(found);
        }
        prev_word = word;
        at += c.len_utf8();
    }
    None
}

/// Where the last year may start in `b`: the last run of exactly four
/// digits that begins with 19 or 20. A date that starts with a month
/// (`mdy`) ends with a year after it; [`year`] takes four digits, a blank
/// comes before them and [`date_at`] wants no digit after them.
/// `first` is where the first digit of `b` is (the runs are looked for
/// from there).
fn last_year(b: &[u8], first: usize) -> Option<usize> {
    let rest = b.get(first..).unwrap_or(&[]);
    digit_runs(rest)
        .filter(|&(start, run)| year_run(rest, start, run))
        .last()
        .map(|(start, _)| first + start)
}

/// The runs of ASCII digits in `b`, left to right, as `(start, length)`.
pub(crate) fn digit_runs(b: &[u8]) -> impl Iterator<Item = (usize, usize)> + '_ {
    let mut at = 0;
    std::iter::from_fn(move || {
        let start = at + b.get(at..)?.iter().position(u8::is_ascii_digit)?;
        let run = b
            .get(start..)
            .unwrap_or(&[])
            .iter()
            .take_while(|c| c.is_ascii_digit())
            .count();
        at = start + run;
        Some((start, run))
    })
}

/// The run of `run` digits at `start` in `b` is one the year grammar
/// takes: exactly four, from 19 or 20.
pub(crate) fn year_run(b: &[u8], start: usize, run: usize) -> bool {
    run == 4 && matches!(b.get(start..start + 2), Some(b"19" | b"20"))
}

/// The date that starts at `at`, the start of a word whose first character
/// is `c`; `year_after` says whether a year may start after `at` (see
/// [`last_year`]).
fn date_at(s: &str, at: usize, c: char, year_after: bool) -> Option<(usize, usize)> {
    let rest = s.get(at..)?;
    // Dates start with a digit, a month name or a relative-date word: look
    // at the word before running the parsers.
    if !c.is_ascii_digit() && !may_name_month(rest.as_bytes()) {
        debug_assert!(!is_month(
            rest.split(|c: char| !c.is_alphabetic())
                .next()
                .unwrap_or("")
        ));
        return None;
    }
    // The length of the month name `rest` starts with, if it does.
    let mut month = None;
    if !c.is_ascii_digit() {
        let w = rest
            .split(|c: char| !c.is_alphabetic())
            .next()
            .unwrap_or("");
        let relative_word = RELATIVE_WORDS.iter().any(|r| w.eq_ignore_ascii_case(r));
        // Without a year after it, a month starts no date.
        if !relative_word && !year_after {
            debug_assert!(
                any_date(rest).map_or(true, |(after, _)| after
                    .starts_with(|c: char| c.is_ascii_digit())),
                "no year after {rest:?}"
            );
            return None;
        }
        if !relative_word {
            if !is_month(w) {
                return None;
            }
            month = Some(w.len());
        }
    }
    if c.is_ascii_digit() && !may_start_date(rest.as_bytes()) {
        debug_assert!(any_date(rest).is_err(), "prefilter rejected {rest:?}");
        return None;
    }
    let found = any_date_from(rest, c, month);
    debug_assert_eq!(found, any_date(rest).ok().map(|(a, _)| a), "{rest:?}");
    let after = found?;
    // "2024-05-18" inside "2024-05-189" is not a date.
    if after.chars().next().is_some_and(|c| c.is_ascii_digit()) {
        return None;
    }
    Some((at, s.len() - after.len()))
}

/// Words tried as month names or relative-date words: [`MONTHS`], "vor",
/// "hace", "il".
const RELATIVE_WORDS: [&str; 3] = ["vor", "hace", "il"];

/// For each ASCII letter, the ASCII letters that follow it at the start of
/// one of the words of `lists` (lower case; bit `n` is `a` + n; a word that
/// does not begin with two ASCII letters adds nothing, and [`may_be_word`]
/// lets every non-ASCII start through). Evaluated at compile time, for the
/// consts below.
pub(crate) const fn pairs_of(lists: &[&[&str]]) -> [u32; 26] {
    // A pair begins a word exactly where it has third letters (or all).
    let triples = triples_of(lists);
    let mut pairs = [0u32; 26];
    let mut k = 0;
    while k < 26 * 26 {
        // Only ever evaluated at compile time, where an index out of
        // bounds would fail the build, not a parse.
        #[allow(clippy::indexing_slicing)]
        if triples[k / 26][k % 26] != 0 {
            pairs[k / 26] |= 1 << (k % 26);
        }
        k += 1;
    }
    pairs
}

/// Whether `x` and `y` are two ASCII letters, in any case, that begin one
/// of the words `pairs` was made of ([`pairs_of`]): two subtractions and a
/// bit test, where a `match` on the pairs compiles to a jump table.
#[inline]
pub(crate) fn ascii_pair_in(pairs: &[u32; 26], x: u8, y: u8) -> bool {
    pair_at(x, y).is_some_and(|(a, b)| pairs.get(a).is_some_and(|&p| p >> b & 1 != 0))
}

/// Where two bytes sit in a table of [`pairs_of`]: the first one's entry
/// (an index past the table if it is no ASCII letter) and the second one's
/// bit, or `None` if the second is no ASCII letter. Both folded to lower
/// case by bit 5, as [`ascii_pair_in`] (and the kinds' joint gate table)
/// read them.
#[inline(always)]
pub(crate) fn pair_at(x: u8, y: u8) -> Option<(usize, u32)> {
    let (a, b) = ((x | 0x20).wrapping_sub(b'a'), (y | 0x20).wrapping_sub(b'a'));
    (b < 26).then_some((usize::from(a), u32::from(b)))
}

/// [`pairs_of`] the month names and relative-date words ([`may_name_month`]).
const MONTH_PAIRS: [u32; 26] = pairs_of(&[MONTHS, &RELATIVE_WORDS]);
/// [`pairs_of`] what may follow a number in a date ([`may_follow_number`]).
const FOLLOW_PAIRS: [u32; 26] = pairs_of(&[MONTHS, UNITS, &["de", "del"]]);
/// For two ASCII letters, the third letters that the words of `lists` (lower
/// case) begin with after them, a bit each as in [`pairs_of`]; every bit
/// if a word begins with the two and then no ASCII letter (a word of two
/// letters, or one whose third character is not an ASCII letter), so that
/// a word of the text that begins with the two may always be it. A word
/// of the text that begins with three ASCII letters whose bit is clear
/// begins no word of the lists; one of two letters, none if the two's
/// bits are all clear (the pair test). Evaluated at compile time.
const fn triples_of(lists: &[&[&str]]) -> [[u32; 26]; 26] {
    let mut t = [[0u32; 26]; 26];
    let mut lists = lists;
    while let [words, more @ ..] = lists {
        let mut rest = *words;
        while let [w, tail @ ..] = rest {
            // Only ever evaluated at compile time, where an index out of
            // bounds would fail the build, not a parse.
            #[allow(clippy::indexing_slicing)]
            match *w.as_bytes() {
                [a @ b'a'..=b'z', b @ b'a'..=b'z', c @ b'a'..=b'z', ..] => {
                    t[(a - b'a') as usize][(b - b'a') as usize] |= 1 << (c - b'a');
                }
                [a @ b'a'..=b'z', b @ b'a'..=b'z', ..] => {
                    t[(a - b'a') as usize][(b - b'a') as usize] = u32::MAX;
                }
                _ => {}
            }
            rest = tail;
        }
        lists = more;
    }
    t
}

/// The words a date, a filler or a time may hold ([`too_wordy`]):
/// [`MONTHS`], [`UNITS`], [`FILLER`] and the grammars'.
const DATE_WORD_LISTS: &[&[&str]] = &[
    MONTHS,
    UNITS,
    FILLER,
    &["de", "del", "ago", "vor", "hace", "il", "am", "pm"],
];
/// [`triples_of`] [`DATE_WORD_LISTS`], for [`too_wordy`].
const DATE_WORD_TRIPLES: [[u32; 26]; 26] = triples_of(DATE_WORD_LISTS);

/// [`pairs_of`] [`UPDATE_WORDS`] and [`PUBLISH_WORDS`] ([`starts_with_any`];
/// a test checks that each of their words begins with two ASCII letters).
const UPDATE_PAIRS: [u32; 26] = pairs_of(&[UPDATE_WORDS]);
const PUBLISH_PAIRS: [u32; 26] = pairs_of(&[PUBLISH_WORDS]);
/// [`pairs_of`] both keyword lists ([`keywords`]).
const KEYWORD_PAIRS: [u32; 26] = pairs_of(&[UPDATE_WORDS, PUBLISH_WORDS]);

/// Whether the word at the start of `b` may be one of the words `pairs`
/// was made of (none shorter than two letters), from its first two bytes:
/// `false` only for a byte that is not a letter, a word of one ASCII
/// letter, or two ASCII letters that no such word starts with in any case
/// (non-ASCII bytes may lower-case to anything: `true`).
fn may_be_word(b: &[u8], pairs: &[u32; 26]) -> bool {
    let (b0, b1) = (
        b.first().copied().unwrap_or(0),
        b.get(1).copied().unwrap_or(0),
    );
    if b0 >= 0x80 {
        return true;
    }
    if !b0.is_ascii_alphabetic() {
        return false;
    }
    if b1 >= 0x80 {
        return true;
    }
    if !b1.is_ascii_alphabetic() {
        return false;
    }
    ascii_pair_in(pairs, b0, b1)
}

/// Whether the word at the start of `b` (a letter) may be a month name or
/// a relative-date word.
fn may_name_month(b: &[u8]) -> bool {
    may_be_word(b, &MONTH_PAIRS)
}

/// Whether the word at the start of `b` may be what follows a number and
/// blanks in a date: a month name, "de"/"del" (`dmy`) or a unit
/// (`relative`).
fn may_follow_number(b: &[u8]) -> bool {
    may_be_word(b, &FOLLOW_PAIRS)
}

/// Whether a date may start at `b`, which starts with an ASCII digit: read
/// off the grammars of [`any_date`] at a digit (`iso`: 4 digits and `-`;
/// `cjk`: 4 digits, blanks, `年`; `numeric`: 1–2 digits and `.` or `/`;
/// `dmy`: 1–2 digits, `.` or a blank; `relative`: 1–3 digits and a blank;
/// `mdy` starts with a letter). Each parser takes at most that many digits,
/// so a longer run of digits fails them all. After 1–3 digits and blanks
/// come a month, "de" or a unit (letters); after 4 digits and blanks, `年`.
fn may_start_date(b: &[u8]) -> bool {
    let k = b.iter().take_while(|c| c.is_ascii_digit()).count();
    let next = b.get(k).copied().unwrap_or(0);
    let blanks = b
        .get(k..)
        .unwrap_or(&[])
        .iter()
        .take_while(|&&c| c == b' ' || c == b'\t')
        .count();
    let word = b.get(k + blanks..).unwrap_or(&[]);
    match k {
        1 | 2 if next == b'.' || next == b'/' => true,
        1..=3 => blanks > 0 && may_follow_number(word),
        // `年` is E5 B9 B4.
        4 => next == b'-' || word.first() == Some(&0xE5),
        _ => false,
    }
}

/// `line` starts with one of `words` (lower case, of first letters
/// `pairs`), ignoring case, and no letter or digit follows.
fn starts_with_any(line: &str, words: &[&str], pairs: &[u32; 26]) -> bool {
    // The words begin with two ASCII letters (a test checks), and only two
    // characters besides those lower-case to one: `İ` and the Kelvin sign.
    if line.as_bytes().first().is_some_and(|&b| b >= 0x80)
        && !line.starts_with(['\u{130}', '\u{212A}'])
    {
        return false;
    }
    // Two ASCII first bytes that begin none of the words: most lines stop
    // here, before the words are compared.
    if !may_be_word(line.as_bytes(), pairs) {
        return false;
    }
    let Some(first) = line.chars().next().and_then(|c| c.to_lowercase().next()) else {
        return false;
    };
    // The words are lower case: an ASCII head matches one exactly when its
    // bytes do, case-folded (see the test).
    let same = |head: &str, w: &str| {
        if head.is_ascii() {
            head.as_bytes().eq_ignore_ascii_case(w.as_bytes())
        } else {
            eq_fold(head, w)
        }
    };
    let mut buf = [0u8; 4];
    let first: &[u8] = first.encode_utf8(&mut buf).as_bytes();
    words
        .iter()
        .filter(|w| w.as_bytes().starts_with(first))
        .any(|w| {
            line.get(..w.len()).is_some_and(|head| same(head, w))
                && !line
                    .get(w.len()..)
                    .and_then(|s| s.chars().next())
                    .is_some_and(char::is_alphanumeric)
        })
}

/// Recognises a whole trimmed line as a date line.
#[cfg(test)]
pub(crate) fn date_line(line: &str) -> Option<DateLine> {
    date_line_spaced(line, memchr::memchr_iter(b' ', line.as_bytes()).count())
}

/// [`date_line`] of a line with `spaces` spaces (` `, counted by the
/// caller: the line's shape has them), so that a line with too many is
/// ruled out without a pass over it.
pub(crate) fn date_line_spaced(line: &str, spaces: usize) -> Option<DateLine> {
    debug_assert_eq!(spaces, memchr::memchr_iter(b' ', line.as_bytes()).count());
    // A date line is short: a keyword, a date, a time, a name or a place.
    if line.len() > 160 || spaces > MAX_SPACES {
        return None;
    }
    let (updated, keyword) = keywords(line);
    // Without a keyword, too many words of the wrong kind rule the line out
    // before any date is looked for (most sentences that hold a year).
    if !keyword && too_wordy(line.as_bytes()) {
        debug_assert!(date_line_unfiltered(line).is_none(), "too_wordy: {line:?}");
        return None;
    }
    date_line_rest(line, updated, keyword)
}

/// [`date_line`] without the [`too_wordy`] shortcut: what it must agree
/// with (the tests compare them).
fn date_line_unfiltered(line: &str) -> Option<DateLine> {
    let (updated, keyword) = keywords(line);
    date_line_rest(line, updated, keyword)
}

/// Whether `line` starts with an update keyword, and with any keyword.
fn keywords(line: &str) -> (bool, bool) {
    // Two ASCII first bytes that begin no keyword of either list: most
    // lines, with one pair test for both.
    if !may_be_word(line.as_bytes(), &KEYWORD_PAIRS) {
        debug_assert!(
            !starts_with_any(line, UPDATE_WORDS, &UPDATE_PAIRS)
                && !starts_with_any(line, PUBLISH_WORDS, &PUBLISH_PAIRS),
            "{line:?}"
        );
        return (false, false);
    }
    let updated = starts_with_any(line, UPDATE_WORDS, &UPDATE_PAIRS);
    (
        updated,
        updated || starts_with_any(line, PUBLISH_WORDS, &PUBLISH_PAIRS),
    )
}

/// A line without a keyword is too wordy to be a date line when, besides
/// its date, it holds more than three other words, or two or more of which
/// one begins in lower case, or two or more in over 60 characters (the
/// rule at the end of [`date_line`]). Counted here, as a lower bound, are
/// the words that begin with three ASCII letters (or two and no third) no
/// date word, filler or grammar word begins with ([`DATE_WORD_TRIPLES`]):
/// such a word is never inside the date, nor a filler, and keeps its first
/// letters however the date cuts the line.
/// (A run of ASCII letters, digits, `.` and non-ASCII bytes is taken as a
/// word: it begins where a word of `date_line` does.)
fn too_wordy(b: &[u8]) -> bool {
    let part = |c: u8| WORD_PART.get(usize::from(c)).copied().unwrap_or(false);
    let (mut other, mut lower) = (0u32, false);
    let mut at = 0;
    while at < b.len() {
        let Some(&c) = b.get(at) else { break };
        if !part(c) {
            at += 1;
            continue;
        }
        let d = b.get(at + 1).copied().unwrap_or(0);
        if c.is_ascii_alphabetic() && d.is_ascii_alphabetic() {
            let e = b.get(at + 2).copied().unwrap_or(0);
            let thirds = DATE_WORD_TRIPLES
                .get(usize::from(c.to_ascii_lowercase() - b'a'))
                .and_then(|t| t.get(usize::from(d.to_ascii_lowercase() - b'a')))
                .copied()
                .unwrap_or(u32::MAX);
            // Three ASCII letters: the words that begin with all three;
            // two: those that begin with both (the pair test).
            let begun = if e.is_ascii_alphabetic() {
                thirds >> (e.to_ascii_lowercase() - b'a') & 1 != 0
            } else {
                thirds != 0
            };
            if !begun {
                other += 1;
                lower |= c.is_ascii_lowercase();
                // Both only grow: the verdict is known at once (most
                // sentences by their second or third word).
                if other > 3 || (other >= 2 && lower) {
                    return true;
                }
            }
        }
        at += 1;
        while b.get(at).is_some_and(|&c| part(c)) {
            at += 1;
        }
    }
    other > 3
        || (other >= 2 && (lower || b.iter().filter(|&&c| !(0x80..0xC0).contains(&c)).count() > 60))
}

/// The bytes [`too_wordy`] takes as parts of a word: ASCII letters and
/// digits, `.`, and every byte of a non-ASCII character.
const WORD_PART: [bool; 256] = {
    let mut t = [false; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        // A const: an index out of bounds would fail the build.
        #[allow(clippy::indexing_slicing)]
        {
            t[c] = b.is_ascii_alphanumeric() || b == b'.' || b >= 0x80;
        }
        c += 1;
    }
    t
};

/// The rest of [`date_line`], once its keywords are known.
fn date_line_rest(line: &str, updated: bool, keyword: bool) -> Option<DateLine> {
    let found = find_date(line);
    let (start, end) = match found {
        Some(r) => r,
        None if keyword => {
            // "Updated 11:40am": a keyword and a time.
            let has_time = line
                .char_indices()
                .filter(|(_, c)| c.is_ascii_digit())
                .any(|(at, _)| line.get(at..).is_some_and(|s| time(s).is_ok()));
            if !has_time {
                return None;
            }
            (0, 0)
        }
        None => return None,
    };
    if keyword {
        return Some(DateLine { updated });
    }
    // Without a keyword, the rest of the line must be date words and times.
    let (before, after) = (line.get(..start)?, line.get(end..)?);
    let mut other = 0usize;
    let mut named = true;
    for w in before
        .split(|c: char| !c.is_alphanumeric() && c != '.')
        .chain(after.split(|c: char| !c.is_alphanumeric() && c != '.'))
        .filter(|w| !w.is_empty())
        .filter(|w| !w.chars().all(|c| c.is_ascii_digit() || c == '.'))
        .filter(|w| !is_filler(w))
    {
        other += 1;
        named &= w.chars().next().is_some_and(char::is_uppercase);
    }
    // "Frank Hahn am 18. September 2019", "Berlin, 18.05.2024": a name or a
    // place with the date is still a dateline.
    let dateline = other <= 1 || (other <= 3 && named && line.chars().count() <= 60);
    dateline.then_some(DateLine { updated })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `starts_with_any` takes for granted of a non-ASCII first
    /// character.
    #[test]
    fn only_two_non_ascii_characters_lower_case_to_ascii() {
        let to_ascii: Vec<char> = (0x80..=0x10FFFF)
            .filter_map(char::from_u32)
            .filter(|c| c.to_lowercase().next().is_some_and(|l| l.is_ascii()))
            .collect();
        assert_eq!(to_ascii, ['\u{130}', '\u{212A}']);
    }

    /// The pair and triple tables hold what the word lists begin with,
    /// and no more.
    #[test]
    fn pair_and_triple_tables_are_the_words_starts() {
        let words: Vec<&[u8]> = DATE_WORD_LISTS
            .iter()
            .flat_map(|l| l.iter().map(|w| w.as_bytes()))
            .collect();
        let (pairs, triples) = (pairs_of(DATE_WORD_LISTS), DATE_WORD_TRIPLES);
        for a in b'a'..=b'z' {
            for b in b'a'..=b'z' {
                let (i, j) = (usize::from(a - b'a'), usize::from(b - b'a'));
                let begun = words.iter().any(|w| w.starts_with(&[a, b]));
                assert_eq!(pairs[i] >> j & 1 != 0, begun, "{}{}", a as char, b as char);
                // A word of the two and then no ASCII letter: every third.
                let open = words.iter().any(|w| {
                    w.starts_with(&[a, b]) && !w.get(2).is_some_and(u8::is_ascii_lowercase)
                });
                for c in b'a'..=b'z' {
                    let want = open || words.iter().any(|w| w.starts_with(&[a, b, c]));
                    let got = triples[i][j] >> (c - b'a') & 1 != 0;
                    assert_eq!(got, want, "{}{}{}", a as char, b as char, c as char);
                }
            }
        }
        // The keyword gate's table is the two lists' tables in one.
        for k in 0..26 {
            assert_eq!(KEYWORD_PAIRS[k], UPDATE_PAIRS[k] | PUBLISH_PAIRS[k], "{k}");
        }
    }

    #[test]
    fn keyword_lists_are_lower_case() {
        for w in UPDATE_WORDS.iter().chain(PUBLISH_WORDS) {
            assert!(
                w.as_bytes().iter().take(2).all(u8::is_ascii_lowercase) && w.len() >= 2,
                "{w} begins with two ASCII letters, as the first-pair masks need"
            );
            assert_eq!(w.to_lowercase(), *w);
            assert!(w.chars().all(|c| c.to_lowercase().eq([c])), "{w}");
        }
    }

    #[test]
    fn word_sets_match_case_folded_comparison() {
        let mut words: Vec<String> = FILLER.iter().chain(MONTHS).map(|w| w.to_string()).collect();
        words.extend(FILLER.iter().chain(MONTHS).map(|w| w.to_uppercase()));
        words.extend(FILLER.iter().chain(MONTHS).map(|w| format!("{w}x")));
        words.extend(
            [
                "",
                "A",
                "À",
                "ÀS",
                "MIÉRCOLES",
                "SÁBADO",
                "PUBLIÉ",
                "VERÖFFENTLICHT",
                "\u{212A}",
                "İ",
                "UHR",
                "Uhr",
                "uhrx",
                "Mär",
                "MÄR",
                "MÄRZ",
                "Août",
                "AOÛT",
                "WRZEŚNIA",
                "x",
            ]
            .map(str::to_string),
        );
        words.push("\u{212A}".repeat(40));
        words.push("a".repeat(40));
        for w in &words {
            assert_eq!(is_filler(w), FILLER.iter().any(|f| eq_fold(w, f)), "{w:?}");
            let month = w.len() <= 32 && MONTHS.iter().any(|m| eq_fold(w, m));
            assert_eq!(is_month(w), month, "{w:?}");
        }
    }

    fn found(s: &str) -> Option<&str> {
        find_date(s).and_then(|(a, b)| s.get(a..b))
    }

    #[test]
    fn finds_dates_in_many_forms() {
        assert_eq!(found("Published: 9:15am, 18 May 2024"), Some("18 May 2024"));
        assert_eq!(
            found("2024-05-18T09:15 by desk"),
            Some("2024-05-18T09:15"),
            "iso with time"
        );
        assert_eq!(
            found("Mai 18, 2024"),
            Some("Mai 18, 2024"),
            "German month, US order"
        );
        assert_eq!(
            found("am 18.05.2024 um 14:30"),
            Some("18.05.2024"),
            "dotted"
        );
        assert_eq!(
            found("18. Oktober 2019"),
            Some("18. Oktober 2019"),
            "German dmy with dot"
        );
        assert_eq!(
            found("18 de mayo de 2024"),
            Some("18 de mayo de 2024"),
            "Spanish"
        );
        assert_eq!(found("2024年5月18日 09:15"), Some("2024年5月18日"), "CJK");
        assert_eq!(
            found("Published 3 hours ago"),
            Some("3 hours ago"),
            "relative"
        );
        assert_eq!(
            found("vor 2 Stunden"),
            Some("vor 2 Stunden"),
            "German relative"
        );
    }

    #[test]
    fn dates_are_parsed_by_their_first_character_as_by_all_grammars() {
        let texts = [
            "2024-05-18T09:15 and 18.05.2024, 18. Oktober 2019, 5 de mayo de 2024",
            "May 18th, 2024; 3 hours ago; vor 3 Stunden; hace 2 horas; il y a 3 jours",
            "2024\u{5e74}5\u{6708}18\u{65e5} 2024 \u{5e74} 5 \u{6708} 1 \u{65e5} 123 days ago",
            "12/05/24 1.5.2024 12 May 2024 99 Mayo 2024 2024-5-18 20245 7 minutes ago",
            "Vor 10 Minuten, Hace 100 d\u{ed}as, 2024-05-18 09:15:30 pm, M\u{e4}rz 3, 2021",
            "5 DE MAYO DEL 2024, 5 del mayo de 2024, 5 Dezember 2024, 5 de 2024, 7\tMay\t2024",
            "May 5th 2024, May 5TH, 2024, May. 5, 1999, Sept 5, 2024, 5/18/24, 5/18/2024 1/2/3",
            "18.05.20245 18.05.1899 18.05.18 1.5.x 12.6. 3. Mai, 2020 3. Mai. 2020 3 Mai,2020",
            "il y a 3 jours, Il y a 2 heures, hace 3 d\u{ed}a, vor 1 Tag, 12 hours ago 12 hrs AGO",
        ];
        for t in texts {
            for (at, c) in t.char_indices().filter(|&(_, c)| c.is_alphanumeric()) {
                let rest = &t[at..];
                let full = any_date(rest).ok().map(|(after, _)| after);
                let month = fast::month(rest, 0);
                assert_eq!(any_date_from(rest, c, month), full, "{rest:?}");
            }
        }
        assert_eq!(any_date_from("18 May 2024!", '1', None), Some("!"));
        for w in RELATIVE_WORDS {
            assert!(
                !is_month(w),
                "{w}: date_at takes a relative-date word for no month"
            );
        }
    }

    #[test]
    fn no_date_where_none_is() {
        assert_eq!(found("The 18 members met in May to vote"), None, "no year");
        assert_eq!(found("Room 1234-56-78"), None, "not a year");
    }

    #[test]
    fn date_lines() {
        assert_eq!(
            date_line("Published: 9:15am, 18 May 2024"),
            Some(DateLine { updated: false })
        );
        assert_eq!(
            date_line("Updated: 11:40am, 18 May 2024"),
            Some(DateLine { updated: true })
        );
        assert_eq!(
            date_line("Updated 11:40am"),
            Some(DateLine { updated: true }),
            "keyword and time"
        );
        assert_eq!(
            date_line("18.05.2024, 14:30 Uhr"),
            Some(DateLine { updated: false })
        );
        assert_eq!(
            date_line("Thursday, May 18, 2024"),
            Some(DateLine { updated: false })
        );
        assert_eq!(date_line("May 18, 2024"), Some(DateLine { updated: false }));
        assert_eq!(
            date_line("Frank Hahn am 18. September 2019"),
            Some(DateLine { updated: false }),
            "author and date"
        );
    }

    #[test]
    fn wordy_lines_are_ruled_out_as_the_full_rule_would() {
        assert!(too_wordy(
            b"The river has fallen by 15 per cent since 2021."
        ));
        assert!(too_wordy(b"(c) 2016 Quillbury Ledger. Every right kept."));
        assert!(!too_wordy(b"Frank Hahn am 18. September 2019"));
        assert!(!too_wordy(b"Thursday, May 18, 2024, 9:15am"));
        assert!(!too_wordy(b"3 hours agony"), "ago starts it");
        // Every pairing of a few lead-ins, dates and tails: the shortcut
        // never turns a date line away.
        let heads = [
            "",
            "Berlin, ",
            "on ",
            "Frank Hahn am ",
            "vor ",
            "ab.",
            "Xy ",
            "lower case ",
            "Zed Quorn Vix ",
            "Am ",
            "Nqx ",
            "\u{201c}Quo ",
            "Wy\u{e9}r ",
            "K ",
        ];
        let dates = [
            "18 May 2024",
            "May 18, 2024",
            "18.05.2024",
            "2024-05-18T09:15",
            "3 hours ago",
            "vor 3 Stunden",
            "hace 2 horas",
            "18 de mayo de 2024",
            "2024\u{5e74}5\u{6708}18\u{65e5}",
            "Mai 18th, 2019",
            "18. Oktober 2019",
            "2024",
        ];
        let tails = [
            "",
            " 14:30 Uhr",
            ", 9:15 am",
            " | Zed Quorn",
            " by Nqx Quorn Vix",
            " ny",
            " GMT",
            " Thursday",
            ".xq",
            " Qa Qb Qc",
            " qa qb",
        ];
        for h in heads {
            for d in dates {
                for t in tails {
                    let line = format!("{h}{d}{t}");
                    assert_eq!(date_line(&line), date_line_unfiltered(&line), "{line:?}");
                }
            }
        }
    }

    #[test]
    fn sentences_with_dates_are_not_date_lines() {
        assert_eq!(
            date_line("The council will meet again on 18 May 2024 to decide the budget."),
            None
        );
        assert_eq!(
            date_line("Updates from the council"),
            None,
            "keyword but no date or time"
        );
    }
}
