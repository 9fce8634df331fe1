//! A seeded, deterministic generator of news-shaped pages, for benchmarks.
//!
//! Every page is fictional text written from the word lists below: menus of
//! short lines, cookie and newsletter notices in several languages, a
//! headline, a standfirst, a byline and a date, paragraphs of 200–600
//! characters (some with curly quotes), subheadings, bullet lists, image
//! credits, doubled related-story lines, pull quotes whose sentence recurs in
//! a paragraph, rails of teaser cards, and legal footers. About one page in
//! twelve is Chinese or Japanese; some are Markdown (`##`, `*`, `[t](u)`) or
//! hard-wrapped like a `lynx -dump`, and a few use CRLF line endings.
//!
//! Page sizes are log-normal (median about 6.5 KB, clamped to 1.5–100 KB).
//! The same seed gives the same pages on every run. No dependencies: the
//! module can be included by any bench, test or example with
//! `#[path = "../benches/gen/mod.rs"] mod corpus;` (`gen` itself is a
//! reserved word in Rust 2024).
#![allow(dead_code)]

/// A small, fast, seeded generator (splitmix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x6E65_7773_7072_696E) // "newsprin"
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// True with probability `percent`/100.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One item of a list of words.
    pub fn pick(&mut self, xs: &[&'static str]) -> &'static str {
        xs.get(self.below(xs.len())).copied().unwrap_or("")
    }

    /// A uniform float in `[0, 1)`.
    fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A standard normal deviate (sum of twelve uniforms, minus six).
    fn normal(&mut self) -> f64 {
        (0..12).map(|_| self.unit()).sum::<f64>() - 6.0
    }
}

/// Median page size in bytes.
pub const MEDIAN_PAGE: usize = 6_500;
/// Smallest and largest page.
pub const MIN_PAGE: usize = 1_500;
/// Largest page of a corpus (single large pages may be bigger).
pub const MAX_PAGE: usize = 100_000;

/// A page size drawn from the log-normal law of the corpus.
pub fn page_size(rng: &mut Rng) -> usize {
    let size = (MEDIAN_PAGE as f64) * (0.8 * rng.normal()).exp();
    (size as usize).clamp(MIN_PAGE, MAX_PAGE)
}

/// Pages of log-normal size until they hold at least `total_bytes`.
pub fn pages(seed: u64, total_bytes: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < total_bytes {
        let size = page_size(&mut rng);
        let p = page(&mut rng, size);
        total += p.len();
        out.push(p);
    }
    out
}

/// One page of about `size` bytes (within a few hundred bytes, or the
/// minimum a page's chrome takes). Large sizes give one very long article
/// (a live blog), with chrome before and after it as usual.
pub fn page(rng: &mut Rng, size: usize) -> String {
    let style = match rng.below(100) {
        0..=64 => Style::Plain,
        65..=84 => Style::Markdown,
        _ => Style::Wrapped,
    };
    let lang = match rng.below(100) {
        0..=91 => Lang::Latin,
        92..=96 => Lang::Chinese,
        _ => Lang::Japanese,
    };
    let mut g = Gen {
        rng,
        out: String::with_capacity(size + 4096),
        style,
        lang,
        locale: 0,
    };
    g.locale = g.rng.below(LOCALES);
    g.head();
    let mut tail = Gen {
        rng: g.rng,
        out: String::with_capacity(4096),
        style,
        lang,
        locale: g.locale,
    };
    tail.tail(size);
    let tail_text = tail.out;
    let body_bytes = size.saturating_sub(g.out.len() + tail_text.len());
    g.body(body_bytes);
    g.out.push_str(&tail_text);
    if g.rng.chance(3) {
        g.out = g.out.replace('\n', "\r\n");
    }
    g.out
}

/// `pages` joined into one text by blank lines: a crawl dump.
pub fn joined(pages: &[String]) -> String {
    let mut out = String::with_capacity(pages.iter().map(|p| p.len() + 3).sum());
    for p in pages {
        out.push_str(p);
        out.push_str("\n\n\n");
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Style {
    /// A browser's `innerText`.
    Plain,
    /// A Markdown scraper's output.
    Markdown,
    /// `lynx -dump`: indented, hard-wrapped at about 78 columns.
    Wrapped,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lang {
    Latin,
    Chinese,
    Japanese,
}

/// Locales of the chrome (menus, notices, labels): en de fr es it pt nl pl.
const LOCALES: usize = 8;

struct Gen<'r> {
    rng: &'r mut Rng,
    out: String,
    style: Style,
    lang: Lang,
    locale: usize,
}

impl Gen<'_> {
    // ---- lines -----------------------------------------------------------

    fn blank(&mut self) {
        self.out.push('\n');
    }

    /// A line of prose, wrapped in the `Wrapped` style.
    fn prose(&mut self, text: &str) {
        if self.style == Style::Wrapped && text.len() > 78 && self.lang == Lang::Latin {
            let mut col = 0;
            self.out.push_str("   ");
            for w in text.split(' ') {
                if col > 0 && col + w.len() > 74 {
                    self.out.push_str("\n   ");
                    col = 0;
                } else if col > 0 {
                    self.out.push(' ');
                    col += 1;
                }
                self.out.push_str(w);
                col += w.len();
            }
            self.out.push('\n');
        } else {
            self.line(text);
        }
    }

    fn line(&mut self, text: &str) {
        self.out.push_str(text);
        self.out.push('\n');
    }

    /// A paragraph gap: mostly one blank line, sometimes none or two.
    fn gap(&mut self) {
        match self.rng.below(10) {
            0 | 1 => {}
            2 => {
                self.blank();
                self.blank();
            }
            _ => self.blank(),
        }
    }

    fn heading(&mut self, text: &str) {
        match self.style {
            Style::Markdown => {
                self.out.push_str("## ");
                self.line(text);
            }
            Style::Wrapped => {
                self.out.push_str("   ");
                self.line(text);
            }
            Style::Plain => self.line(text),
        }
    }

    fn bullet(&mut self, text: &str, n: usize) {
        let marker = match self.style {
            Style::Markdown => "* ",
            Style::Wrapped => "     * ",
            Style::Plain => match n % 3 {
                0 => "  • ",
                1 => "• ",
                _ => "- ",
            },
        };
        self.out.push_str(marker);
        self.line(text);
    }

    fn link(&mut self, title: &str) {
        if self.style == Style::Markdown {
            self.out.push('[');
            self.out.push_str(title);
            self.out.push_str("](https://news.example/");
            let slug = self.rng.next_u64() % 1_000_000;
            self.out.push_str(&slug.to_string());
            self.line(")");
        } else {
            self.line(title);
        }
    }

    // ---- words -----------------------------------------------------------

    fn name(&mut self) -> String {
        let first = self.rng.pick(FIRST);
        let last = self.rng.pick(LAST);
        format!("{first} {last}")
    }

    /// A sum of money.
    fn money(&mut self) -> String {
        match self.rng.below(5) {
            0 => format!("£{}.{} million", self.rng.range(2, 90), self.rng.below(10)),
            1 => format!("${},{:03}", self.rng.range(1, 900), self.rng.below(1000)),
            2 => format!("£{}m", self.rng.range(2, 400)),
            3 => format!("€{} billion", self.rng.range(1, 30)),
            _ => format!("€{}.{} million", self.rng.range(1, 60), self.rng.below(10)),
        }
    }

    /// One sentence of news prose, ending with a full stop.
    fn sentence(&mut self) -> String {
        match self.rng.below(9) {
            0..=2 => format!(
                "{} {} {} {}.",
                cap(self.rng.pick(SUBJECTS)),
                self.rng.pick(VERBS),
                self.rng.pick(OBJECTS),
                self.rng.pick(WHEN)
            ),
            3 | 4 => format!(
                "{} {} {}, {}.",
                cap(self.rng.pick(SUBJECTS)),
                self.rng.pick(VERBS),
                self.rng.pick(OBJECTS),
                self.rng.pick(TAILS)
            ),
            5 => {
                format!(
                    "The {} in {} has {} by {} per cent since {}, {}.",
                    self.rng.pick(MEASURES),
                    self.rng.pick(PLACES),
                    self.rng.pick(CHANGES),
                    self.rng.range(3, 60),
                    self.rng.range(2009, 2023),
                    self.rng.pick(TAILS)
                )
            }
            6 => format!(
                "In {}, {} {} {}.",
                self.rng.pick(PLACES),
                self.rng.pick(SUBJECTS),
                self.rng.pick(VERBS),
                self.rng.pick(OBJECTS)
            ),
            7 => {
                let n = self.money();
                format!(
                    "Officials said the work would cost about {} and take {} {}.",
                    n,
                    self.rng.pick(SPANS),
                    self.rng.pick(WHEN)
                )
            }
            _ => {
                let name = self.name();
                let q = self.quote_text();
                format!("“{q},” {name} said {}.", self.rng.pick(WHEN))
            }
        }
    }

    /// Words someone said (no final punctuation).
    fn quote_text(&mut self) -> String {
        format!(
            "{} {} {}",
            self.rng.pick(QUOTE_OPENERS),
            self.rng.pick(QUOTE_MIDDLES),
            self.rng.pick(QUOTE_ENDS)
        )
    }

    /// A paragraph of 200–600 characters.
    fn paragraph(&mut self) -> String {
        let want = self.rng.range(200, 600);
        let mut p = String::with_capacity(want + 200);
        match self.lang {
            Lang::Latin => {
                while p.len() < want {
                    if !p.is_empty() {
                        p.push(' ');
                    }
                    p.push_str(&self.sentence());
                }
            }
            Lang::Chinese | Lang::Japanese => {
                let (a, b, c) = if self.lang == Lang::Chinese {
                    (ZH_A, ZH_B, ZH_C)
                } else {
                    (JA_A, JA_B, JA_C)
                };
                // About 3 bytes a character: a third as many characters.
                while p.len() < want {
                    p.push_str(self.rng.pick(a));
                    p.push_str(self.rng.pick(b));
                    p.push_str(self.rng.pick(c));
                }
            }
        }
        p
    }

    /// A headline: no final full stop, 40–120 characters.
    fn headline(&mut self) -> String {
        match self.lang {
            Lang::Chinese => format!(
                "{}{}",
                self.rng.pick(ZH_A).trim_end_matches('，'),
                self.rng.pick(ZH_B).trim_end_matches(['，', '。'])
            ),
            Lang::Japanese => format!(
                "{}{}",
                self.rng.pick(JA_A).trim_end_matches('、'),
                self.rng.pick(JA_B).trim_end_matches(['、', '。'])
            ),
            Lang::Latin => match self.rng.below(4) {
                0 => format!(
                    "‘{}’: {} {} {}",
                    cap(self.rng.pick(QUOTE_ENDS)),
                    self.rng.pick(PLACES),
                    self.rng.pick(HEAD_VERBS),
                    self.rng.pick(OBJECTS)
                ),
                1 => format!(
                    "{} {} {} as {}",
                    cap(self.rng.pick(SUBJECTS)),
                    self.rng.pick(HEAD_VERBS),
                    self.rng.pick(OBJECTS),
                    self.rng.pick(AS_CLAUSES)
                ),
                2 => format!(
                    "Why {} {} – and what comes next",
                    self.rng.pick(SUBJECTS),
                    self.rng.pick(VERBS)
                ),
                _ => format!(
                    "{} {} {}",
                    cap(self.rng.pick(SUBJECTS)),
                    self.rng.pick(HEAD_VERBS),
                    self.rng.pick(OBJECTS)
                ),
            },
        }
    }

    // ---- page parts ------------------------------------------------------

    /// Chrome before the article: skip link, menu, cookie notice, then the
    /// headline block.
    fn head(&mut self) {
        if self.rng.chance(40) {
            self.chrome_line(SKIP);
        }
        if self.rng.chance(60) {
            let site = format!("The {} {}", self.rng.pick(PLACES), self.rng.pick(PAPERS));
            self.line(&site);
        }
        self.menu(5, 24);
        if self.rng.chance(65) {
            self.blank();
            self.cookie_notice();
        }
        self.blank();
        if self.rng.chance(25) {
            let section = self.chrome(SECTIONS);
            self.line(section);
            self.blank();
        }
        let h = self.headline();
        if self.style == Style::Markdown {
            self.out.push_str("# ");
        }
        self.line(&h);
        self.gap();
        if self.rng.chance(60) {
            let s = self.sentence_like_standfirst();
            self.prose(&s);
            self.gap();
        }
        if self.rng.chance(80) {
            let by = match self.rng.below(5) {
                0 => format!("By {} and {}", self.name(), self.name()),
                1 => {
                    let by = self.chrome(BY);
                    format!("{by} {}", self.name())
                }
                _ => format!("By {}", self.name()),
            };
            self.line(&by);
        }
        if self.rng.chance(80) {
            let d = self.date_line();
            self.line(&d);
        }
        if self.rng.chance(30) {
            self.chrome_line(LISTEN);
        }
        if self.rng.chance(40) {
            self.share_bar();
        }
        if self.rng.chance(50) {
            self.blank();
            let c = self.credit();
            self.line(&c);
        }
        self.blank();
    }

    fn sentence_like_standfirst(&mut self) -> String {
        match self.lang {
            Lang::Latin => {
                let mut s = self.sentence();
                if self.rng.chance(50) {
                    s.push(' ');
                    s.push_str(&self.sentence());
                }
                s
            }
            _ => self.paragraph(),
        }
    }

    /// The article body: paragraphs with headings, lists, quotes and
    /// related lines, until about `bytes` are written.
    fn body(&mut self, bytes: usize) {
        let end = self.out.len() + bytes;
        let mut first = true;
        while first || self.out.len() + 150 < end {
            first = false;
            match self.rng.below(100) {
                0..=66 => {
                    let p = self.paragraph();
                    self.prose(&p);
                }
                67..=72 => {
                    let h = self.subheading();
                    self.heading(&h);
                }
                73..=78 => {
                    let n = self.rng.range(2, 6);
                    for k in 0..n {
                        let item = self.list_item();
                        self.bullet(&item, k);
                    }
                }
                79..=82 => {
                    // A related story, its line doubled (a teaser inside the body).
                    let h = self.headline();
                    self.link(&h);
                    self.blank();
                    self.link(&h);
                }
                83..=86 if self.lang == Lang::Latin => self.pull_quote(),
                87..=89 => {
                    let c = self.credit();
                    self.line(&c);
                }
                90..=92 => self.promo(),
                93..=94 => self.chrome_line(AD),
                95 if self.lang == Lang::Latin => {
                    // A stray CJK line: a caption or a quoted name.
                    let p = format!("{}{}", self.rng.pick(ZH_A), self.rng.pick(ZH_C));
                    self.line(&p);
                }
                _ => {
                    let p = self.paragraph();
                    self.prose(&p);
                }
            }
            self.gap();
        }
    }

    /// A quote line and a name line; the quote recurs in the paragraph after.
    fn pull_quote(&mut self) {
        let q = self.quote_text();
        let who = self.name();
        self.line(&q);
        self.blank();
        if self.rng.chance(50) {
            let role = self.rng.pick(ROLES);
            self.line(&format!("{who}, {role}"));
        } else {
            self.line(&who);
        }
        self.blank();
        let before = self.sentence();
        let p = format!("{before} “{q},” {who} said {}.", self.rng.pick(WHEN));
        self.prose(&p);
    }

    fn subheading(&mut self) -> String {
        match self.lang {
            Lang::Latin => format!("{} {}", cap(self.rng.pick(SUB_A)), self.rng.pick(SUB_B)),
            Lang::Chinese => self.rng.pick(ZH_A).trim_end_matches('，').to_owned(),
            Lang::Japanese => self.rng.pick(JA_A).trim_end_matches('、').to_owned(),
        }
    }

    fn list_item(&mut self) -> String {
        match self.lang {
            Lang::Latin => {
                let s = self.sentence();
                if self.rng.chance(50) {
                    s.trim_end_matches('.').to_owned()
                } else {
                    s
                }
            }
            Lang::Chinese => self.rng.pick(ZH_B).to_owned(),
            Lang::Japanese => self.rng.pick(JA_B).to_owned(),
        }
    }

    fn credit(&mut self) -> String {
        let label = self.rng.pick(CREDIT_LABELS);
        let who = if self.rng.chance(50) {
            self.rng.pick(AGENCIES).to_owned()
        } else {
            self.name()
        };
        format!("{label}: {who}")
    }

    fn date_line(&mut self) -> String {
        let day = self.rng.range(1, 28);
        let year = self.rng.range(2015, 2025);
        let month = self.rng.pick(MONTHS_EN);
        let hour = self.rng.range(1, 12);
        let min = self.rng.below(60);
        match self.rng.below(6) {
            0 => format!("Published: {hour}:{min:02}am, {day} {month} {year}"),
            1 => format!("{month} {day}, {year}"),
            2 => format!(
                "{day:02}.{:02}.{year}, {hour}:{min:02} Uhr",
                self.rng.range(1, 12)
            ),
            3 => format!("Updated {hour}:{min:02}pm {day} {month} {year}"),
            4 => format!(
                "{year}-{:02}-{day:02}T{hour:02}:{min:02}",
                self.rng.range(1, 12)
            ),
            _ => format!("{} hours ago", self.rng.range(1, 23)),
        }
    }

    fn menu(&mut self, lo: usize, hi: usize) {
        let items = self.chrome_list(MENUS);
        let n = self.rng.range(lo, hi).min(items.len());
        for k in 0..n {
            let item = items.get(k % items.len().max(1)).copied().unwrap_or("News");
            if self.style == Style::Markdown {
                self.out.push_str("* [");
                self.out.push_str(item);
                self.line("](/section)");
            } else {
                self.line(item);
            }
        }
    }

    fn cookie_notice(&mut self) {
        let text = self.chrome(COOKIES);
        self.prose(text);
        self.chrome_line(COOKIE_BUTTONS);
        if self.rng.chance(50) {
            self.chrome_line(COOKIE_SETTINGS);
        }
    }

    fn share_bar(&mut self) {
        for s in self.chrome_list(SHARE) {
            self.line(s);
        }
    }

    fn promo(&mut self) {
        let text = self.chrome(NEWSLETTERS);
        self.prose(text);
    }

    /// Chrome after the article: share bar, comments, card rails, most
    /// read, footer. Scaled to the page size.
    fn tail(&mut self, size: usize) {
        if self.rng.chance(50) {
            self.share_bar();
            self.blank();
        }
        if self.rng.chance(30) {
            self.chrome_line(COMMENTS);
            self.blank();
        }
        let rails = (size / 9_000).clamp(usize::from(self.rng.chance(50)), 3);
        for _ in 0..rails {
            self.chrome_line(RAIL_LABELS);
            self.blank();
            for _ in 0..self.rng.range(2, 4) {
                self.card();
            }
        }
        if self.rng.chance(60) {
            self.chrome_line(MOST_READ);
            for _ in 0..self.rng.range(3, 8) {
                let h = self.headline();
                self.link(&h);
            }
            self.blank();
        }
        if self.rng.chance(40) {
            self.promo();
            self.blank();
        }
        self.menu(4, 12);
        self.chrome_line(LEGAL_LINKS);
        let owner = format!("{} {}", self.rng.pick(PLACES), self.rng.pick(PAPERS));
        let year = self.rng.range(2015, 2025);
        let rights = self.chrome(RIGHTS);
        self.line(&format!("© {year} {owner}. {rights}"));
    }

    fn card(&mut self) {
        if self.rng.chance(70) {
            let c = self.credit();
            self.line(&c);
            self.blank();
        }
        let t = self.headline();
        self.line(&t);
        self.blank();
        for k in 0..self.rng.range(1, 3) {
            let item = self.list_item();
            self.bullet(&item, k);
            self.blank();
        }
        if self.rng.chance(80) {
            let s = self.sentence_like_standfirst();
            self.prose(&s);
        }
    }

    /// A line of chrome.
    fn chrome_line(&mut self, table: &'static [&'static [&'static str]]) {
        let s = self.chrome(table);
        self.line(s);
    }

    /// One chrome string in the page's locale.
    fn chrome(&mut self, table: &'static [&'static [&'static str]]) -> &'static str {
        let list = self.chrome_list(table);
        self.rng.pick(list)
    }

    /// A row of a chrome table: the page's locale (en de fr es it pt nl pl),
    /// or Chinese and Japanese for those pages; English when missing.
    fn chrome_list(
        &mut self,
        table: &'static [&'static [&'static str]],
    ) -> &'static [&'static str] {
        let k = match self.lang {
            Lang::Latin => self.locale,
            Lang::Chinese => LOCALES,
            Lang::Japanese => LOCALES + 1,
        };
        table.get(k).or(table.first()).copied().unwrap_or(&[])
    }
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

// ---- word lists (all fictional) ------------------------------------------

const FIRST: &[&str] = &[
    "Amara", "Tomasz", "Ines", "Kwame", "Lotte", "Rafael", "Yuki", "Priyanka", "Olumide", "Greta",
    "Mateo", "Siobhan", "Hakan", "Noor", "Bastien", "Ilse", "Dario", "Fenna", "Jakub", "Marisol",
    "Callum", "Leilani", "Oskar", "Zainab", "Teodor", "Ayesha", "Emeka", "Solveig", "Luca", "Hana",
    "Felix", "Aurelie", "Tariq", "Wren", "Milos", "Carmen", "Idris", "Petra", "Jonah", "Esme",
];

const LAST: &[&str] = &[
    "Okonkwo",
    "Varga",
    "Lindqvist",
    "Moreau",
    "Castellano",
    "Brennan",
    "Takahashi",
    "Novak",
    "Adeyemi",
    "Halloran",
    "Ferreira",
    "Kowalczyk",
    "Van Dijk",
    "Rossi",
    "Achterberg",
    "Mbeki",
    "Delacroix",
    "Sørensen",
    "Quintero",
    "Ishikawa",
    "Pemberton",
    "Haddad",
    "Lund",
    "Marchetti",
    "Osei",
    "Whitcombe",
    "Zielinski",
    "Ortega",
    "Baptiste",
    "Kaur",
    "Fitzgerald",
    "Nakamura",
    "Petrov",
    "Albrecht",
    "Carvalho",
    "Drummond",
    "Esposito",
    "Hollis",
    "Ivanova",
    "Jansen",
];

const PLACES: &[&str] = &[
    "Eastmere",
    "Valdoria",
    "Port Calloway",
    "Brackenfold",
    "Lenmoor",
    "Saint-Aubel",
    "Ostrava Nova",
    "Kingsreach",
    "Tallowbridge",
    "Marrowdale",
    "Fennick",
    "Corraine",
    "Whitlow Bay",
    "Drennan",
    "Ashcombe",
    "Belvarro",
    "Quillon",
    "Northam Cross",
    "Selby Vale",
    "Hartwick",
    "Orrin Falls",
    "Caldermoor",
    "Pellworth",
    "Grisedale",
    "Upper Wyndham",
];

const PAPERS: &[&str] = &[
    "Courier",
    "Gazette",
    "Herald",
    "Chronicle",
    "Observer",
    "Post",
    "Standard",
    "Dispatch",
    "Tribune",
    "Ledger",
];

const SUBJECTS: &[&str] = &[
    "the council",
    "the regional government",
    "the ferry operator",
    "residents of the old quarter",
    "the transport ministry",
    "engineers at the port",
    "the district court",
    "local farmers",
    "the harbour authority",
    "the teachers' union",
    "the national rail company",
    "hospital managers",
    "the city's mayor",
    "opposition lawmakers",
    "the water regulator",
    "a group of volunteers",
    "the university's board",
    "shop owners on the high street",
    "the energy company",
    "police in the northern district",
    "the housing association",
    "the finance committee",
    "fishermen along the coast",
    "the environment agency",
    "the festival organisers",
    "parents at the primary school",
    "the airport's operator",
    "the health board",
    "tenants in the tower blocks",
    "the football club",
    "the museum's trustees",
    "bus drivers",
    "the planning inspector",
    "the chamber of commerce",
    "a cross-party committee",
    "the fire service",
    "nurses at the general hospital",
    "the tourism office",
    "the coastguard",
    "the library service",
];

const VERBS: &[&str] = &[
    "approved",
    "delayed",
    "rejected",
    "announced",
    "postponed",
    "expanded",
    "reviewed",
    "defended",
    "questioned",
    "welcomed",
    "criticised",
    "unveiled",
    "scrapped",
    "backed",
    "challenged",
    "paused",
    "revived",
    "extended",
    "cut funding for",
    "asked for more time on",
    "published details of",
    "voted against",
    "signed off",
    "raised concerns over",
    "launched an inquiry into",
    "promised to speed up",
    "warned about",
    "agreed to fund",
    "set a deadline for",
    "called for a rethink of",
];

const HEAD_VERBS: &[&str] = &[
    "presses for",
    "pushes back on",
    "wins backing for",
    "faces questions over",
    "delays",
    "scraps",
    "unveils",
    "rethinks",
    "bets on",
    "counts the cost of",
    "braces for",
    "splits over",
];

const OBJECTS: &[&str] = &[
    "a plan to rebuild the river bridge",
    "new rules for short-term lets",
    "the budget for next year",
    "a second runway",
    "the closure of two branch libraries",
    "plans for a tidal barrier",
    "a four-day week for council staff",
    "cheaper fares on night buses",
    "the sale of the old gasworks site",
    "a ban on cars outside schools",
    "a new cycle lane along the seafront",
    "the merger of three hospitals",
    "the redesign of the market square",
    "a tax on tourist stays",
    "a pilot scheme for free school meals",
    "the reopening of the branch line",
    "stricter limits on river pollution",
    "a review of flood defences",
    "the move of its headquarters",
    "higher parking charges",
    "a register of empty homes",
    "the expansion of the recycling plant",
    "a housing project on the edge of town",
    "the new timetable for the ferry",
    "a public inquiry into the fire",
    "repairs to the sea wall",
    "the heat pump subsidy",
    "a vote on the stadium deal",
    "the last coal-fired boiler",
    "a rescue package for the shipyard",
    "rent caps for students",
    "the rollout of fibre broadband",
    "a curfew for delivery lorries",
    "a new wing for the children's hospital",
    "the outsourcing of bin collections",
    "tighter checks on landlords",
    "an overhaul of the bus network",
    "the planting of ten thousand trees",
    "a water meter for every home",
    "the restoration of the pier",
];

const WHEN: &[&str] = &[
    "on Monday",
    "late on Tuesday",
    "after weeks of talks",
    "earlier this month",
    "on Wednesday evening",
    "last year",
    "at a packed meeting on Thursday",
    "before the summer recess",
    "in a statement on Friday",
    "over the weekend",
    "for the second time this year",
    "after a lengthy debate",
    "within hours of the announcement",
    "at the end of a two-day hearing",
    "this week",
    "ahead of next month's elections",
    "despite strong objections",
    "in the early hours of Sunday",
    "three years after the first proposal",
    "following a public consultation",
];

const TAILS: &[&str] = &[
    "according to figures released by the agency",
    "citing rising costs and a shortage of staff",
    "a decision critics called short-sighted",
    "although the final vote is not expected until autumn",
    "which campaigners have opposed for years",
    "in a move that surprised many observers",
    "saying the town could not afford to wait any longer",
    "while promising to publish the full report",
    "despite warnings from its own advisers",
    "a sign of how far the debate has shifted",
    "though details remain sketchy",
    "with work expected to start in the spring",
    "leaving hundreds of families uncertain about their future",
    "after an independent review found serious failings",
    "as pressure grows on the regional budget",
    "in what officials described as a temporary measure",
    "arguing that the current system is no longer fit for purpose",
    "the latest in a series of setbacks for the project",
    "and said it would appeal",
    "prompting a sharp response from the opposition",
    "a figure that has doubled in five years",
    "as the cost of materials continues to climb",
    "after residents gathered more than five thousand signatures",
    "while insisting the service would not be cut",
    "but stopped short of setting a date",
];

const MEASURES: &[&str] = &[
    "average rent",
    "number of empty shops",
    "waiting list for social housing",
    "price of a season ticket",
    "cost of the scheme",
    "number of passengers",
    "level of the river",
    "number of visitors",
    "share of homes on heat pumps",
    "rate of hospital admissions",
];

const CHANGES: &[&str] = &[
    "risen",
    "fallen",
    "grown",
    "dropped",
    "climbed",
    "increased",
];

const SPANS: &[&str] = &[
    "two years",
    "eighteen months",
    "at least a decade",
    "six weeks",
    "until the end of next year",
    "three summers",
];

const QUOTE_OPENERS: &[&str] = &[
    "We will not wait",
    "Nobody in this town wants",
    "We have been promised",
    "People are tired of waiting for",
    "This is the moment for",
    "We cannot afford to lose",
    "I have never seen anything like",
    "Families deserve better than",
    "It would be a mistake to rush",
    "The evidence points clearly to",
];

const QUOTE_MIDDLES: &[&str] = &[
    "another winter of",
    "yet more delays to",
    "a serious plan for",
    "the same old excuses about",
    "real answers on",
    "a fair deal over",
    "one more year of",
    "honest figures on",
];

const QUOTE_ENDS: &[&str] = &[
    "the river barrier",
    "the ferry crossing",
    "the housing crisis",
    "the hospital's future",
    "our high street",
    "the night buses",
    "clean water",
    "the harbour works",
    "the school buildings",
    "the budget gap",
];

const ROLES: &[&str] = &[
    "mayor",
    "head of the residents' association",
    "union spokeswoman",
    "chief executive of the port",
    "local councillor",
    "professor of hydrology",
    "shop owner",
    "regional minister",
];

const AS_CLAUSES: &[&str] = &[
    "the river rises again",
    "costs soar",
    "the deadline nears",
    "talks stall",
    "protests grow",
    "the budget tightens",
    "winter approaches",
    "passenger numbers fall",
];

const SUB_A: &[&str] = &[
    "what happens",
    "why it matters",
    "the cost of",
    "a long road to",
    "who pays for",
    "the view from",
    "questions over",
    "inside the fight over",
];

const SUB_B: &[&str] = &[
    "next",
    "the harbour",
    "the barrier",
    "the budget",
    "the old quarter",
    "the ferry",
    "the high street",
    "the new timetable",
];

const AGENCIES: &[&str] = &[
    "Northlight Pictures",
    "Harbour Press Agency",
    "Meridian Images",
    "Staff photographer",
    "Courier archive",
    "Handout",
    "Eastwind Photo",
];

const CREDIT_LABELS: &[&str] = &[
    "Photo",
    "Photograph",
    "Illustration",
    "Image",
    "Foto",
    "Bild",
];

const MONTHS_EN: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

const ZH_A: &[&str] = &[
    "市政府周一宣布，",
    "据当地媒体报道，",
    "港口管理局表示，",
    "在连续三周的讨论之后，",
    "多名居民向记者反映，",
    "交通部门负责人指出，",
    "根据最新公布的数据，",
    "区议会昨晚投票决定，",
];

const ZH_B: &[&str] = &[
    "新的渡轮时刻表将于下月起实施",
    "河堤加固工程的预算已经增加近三成",
    "老城区的改造计划将推迟到明年",
    "夜间公交线路将增加两个班次",
    "医院扩建项目获得了新的资金支持",
    "海堤修复工作预计在夏季前完成",
    "学校周边将禁止车辆停放",
    "旧码头的修缮方案仍有争议",
];

const ZH_C: &[&str] = &[
    "。",
    "，居民对此反应不一。",
    "，但具体细节尚未公布。",
    "，反对者认为这一决定过于仓促。",
    "，官员表示将在秋季前公布完整报告。",
    "，商户们对此表示欢迎。",
];

const JA_A: &[&str] = &[
    "市議会は月曜日、",
    "地元の住民によると、",
    "港湾局の担当者は、",
    "最新の統計によれば、",
    "数週間にわたる協議の末、",
    "交通局は声明で、",
];

const JA_B: &[&str] = &[
    "新しいフェリーの時刻表を来月から導入すると発表した",
    "堤防工事の費用が三割近く増えたと明らかにした",
    "旧市街の再開発計画を来年に延期することを決めた",
    "夜間バスの本数を増やす方針を示した",
    "病院の増築に向けた予算を承認した",
    "海岸の防波堤の修理が夏までに終わる見通しだと述べた",
];

const JA_C: &[&str] = &[
    "。",
    "が、詳細はまだ公表されていない。",
    "。住民の反応はさまざまだ。",
    "。反対派は決定が急すぎると批判している。",
];

// ---- chrome, one row per locale: en de fr es it pt nl pl [zh ja] ----------

const SKIP: &[&[&str]] = &[
    &["Skip to main content", "Skip to content"],
    &["Zum Inhalt springen", "Direkt zum Inhalt"],
    &["Aller au contenu"],
    &["Saltar al contenido", "Ir al contenido"],
    &["Vai al contenuto", "Salta al contenuto"],
    &["Ir para o conteúdo", "Pular para o conteúdo"],
    &["Naar de inhoud"],
    &["Przejdź do treści"],
    &["跳到正文"],
    &["本文へ"],
];

const MENUS: &[&[&str]] = &[
    &[
        "Home",
        "News",
        "World",
        "Business",
        "Sport",
        "Culture",
        "Opinion",
        "Weather",
        "Podcasts",
        "Video",
        "Travel",
        "Science",
        "Money",
        "Local",
        "Puzzles",
        "Newsletters",
        "Search",
        "Sign in",
        "Subscribe",
        "Menu",
        "Obituaries",
        "Education",
        "Health",
        "Climate",
    ],
    &[
        "Startseite",
        "Politik",
        "Wirtschaft",
        "Sport",
        "Kultur",
        "Panorama",
        "Wissen",
        "Reise",
        "Meinung",
        "Regional",
        "Video",
        "Podcasts",
        "Suche",
        "Anmelden",
        "Abo",
        "Menü",
    ],
    &[
        "Accueil",
        "International",
        "Politique",
        "Économie",
        "Sports",
        "Culture",
        "Société",
        "Sciences",
        "Opinions",
        "Vidéos",
        "Rechercher",
        "Se connecter",
        "S'abonner",
    ],
    &[
        "Portada",
        "Internacional",
        "España",
        "Economía",
        "Deportes",
        "Cultura",
        "Opinión",
        "Sociedad",
        "Tecnología",
        "Vídeos",
        "Buscar",
        "Iniciar sesión",
        "Suscríbete",
    ],
    &[
        "Home",
        "Cronaca",
        "Politica",
        "Economia",
        "Sport",
        "Cultura",
        "Esteri",
        "Spettacoli",
        "Tecnologia",
        "Video",
        "Cerca",
        "Accedi",
        "Abbonati",
    ],
    &[
        "Início", "Brasil", "Mundo", "Economia", "Esportes", "Cultura", "Opinião", "Ciência",
        "Vídeos", "Buscar", "Entrar", "Assine",
    ],
    &[
        "Home",
        "Binnenland",
        "Buitenland",
        "Economie",
        "Sport",
        "Cultuur",
        "Opinie",
        "Regio",
        "Video",
        "Zoeken",
        "Inloggen",
        "Abonneren",
    ],
    &[
        "Strona główna",
        "Kraj",
        "Świat",
        "Biznes",
        "Sport",
        "Kultura",
        "Opinie",
        "Nauka",
        "Wideo",
        "Szukaj",
        "Zaloguj się",
        "Subskrypcja",
    ],
    &[
        "首页", "国内", "国际", "财经", "体育", "文化", "科技", "视频", "搜索", "登录",
    ],
    &[
        "トップ",
        "国内",
        "国際",
        "経済",
        "スポーツ",
        "文化",
        "科学",
        "動画",
        "検索",
        "ログイン",
    ],
];

const SECTIONS: &[&[&str]] = &[
    &["Local news", "Transport", "Environment", "Politics"],
    &["Lokales", "Verkehr", "Umwelt"],
    &["Régions", "Transports", "Environnement"],
    &["Local", "Transporte", "Medio ambiente"],
    &["Cronaca locale", "Trasporti", "Ambiente"],
    &["Cidades", "Transporte", "Meio ambiente"],
    &["Regio", "Verkeer", "Klimaat"],
    &["Region", "Transport", "Środowisko"],
    &["本地新闻", "交通"],
    &["地域", "交通"],
];

const COOKIES: &[&[&str]] = &[
    &[
        "We use cookies to improve your experience on our site and to show you relevant advertising. By continuing to browse, you agree to our cookie policy.",
        "This site uses cookies to remember your preferences and measure traffic. You can change your choices at any time in cookie settings.",
    ],
    &[
        "Wir verwenden Cookies, um Ihnen ein besseres Nutzungserlebnis zu bieten und Inhalte zu personalisieren. Mit der weiteren Nutzung stimmen Sie dem zu.",
    ],
    &[
        "Nous utilisons des cookies pour améliorer votre expérience et mesurer l'audience de notre site. Vous pouvez modifier vos choix à tout moment.",
    ],
    &[
        "Utilizamos cookies propias y de terceros para mejorar nuestros servicios y mostrarle publicidad relacionada con sus preferencias.",
    ],
    &[
        "Utilizziamo i cookie per offrirti un'esperienza migliore e per analizzare il traffico del sito. Puoi modificare le tue preferenze in qualsiasi momento.",
    ],
    &[
        "Este site usa cookies para melhorar a sua experiência e para fins estatísticos. Ao continuar a navegar, concorda com a nossa política.",
    ],
    &[
        "Wij gebruiken cookies om onze website beter te maken en om advertenties af te stemmen op uw interesses.",
    ],
    &[
        "Używamy plików cookie, aby ułatwić korzystanie z serwisu i dopasować treści do Twoich zainteresowań.",
    ],
    &["我们使用 cookie 来改善您的浏览体验并分析网站流量。继续浏览即表示您同意。"],
    &["当サイトではクッキーを使用しています。閲覧を続けることで同意したものとみなされます。"],
];

const COOKIE_BUTTONS: &[&[&str]] = &[
    &["Accept all cookies", "Accept cookies"],
    &["Alle Cookies akzeptieren", "Cookies akzeptieren"],
    &["Accepter les cookies", "Continuer sans accepter"],
    &["Aceptar todas las cookies", "Aceptar cookies"],
    &["Accetta tutti i cookie", "Accetta i cookie"],
    &["Aceitar cookies"],
    &["Alle cookies accepteren", "Cookies accepteren"],
    &["Akceptuję"],
    &["接受"],
    &["同意する"],
];

const COOKIE_SETTINGS: &[&[&str]] = &[
    &["Cookie settings", "Manage preferences"],
    &["Cookie-Einstellungen"],
    &["Paramètres des cookies", "Gérer les cookies"],
    &["Configuración de cookies"],
    &["Impostazioni cookie"],
    &["Definições de cookies"],
    &["Cookie-instellingen"],
    &["Polityka cookies"],
    &["cookie政策"],
    &["クッキーポリシー"],
];

const SHARE: &[&[&str]] = &[
    &[
        "Share on Facebook",
        "Share on X",
        "Share this article",
        "Copy link",
    ],
    &["Auf Facebook teilen", "Artikel teilen", "Link kopieren"],
    &["Partager sur Facebook", "Partager sur X", "Copier le lien"],
    &[
        "Compartir en Facebook",
        "Compartir en WhatsApp",
        "Compartir en Twitter",
    ],
    &["Condividi su Facebook", "Condividi su WhatsApp"],
    &["Compartilhar no Facebook", "Compartilhar no WhatsApp"],
    &["Delen op Facebook", "Link kopiëren"],
    &["Udostępnij na Facebooku", "Kopiuj link"],
    &["分享到微信", "分享到微博"],
    &["この記事をシェア", "ツイート"],
];

const LISTEN: &[&[&str]] = &[
    &["Listen to this article", "Play video"],
    &["Artikel anhören"],
    &["Écouter cet article"],
    &["Escuchar este artículo"],
    &["Ascolta l'articolo"],
    &["Ouvir este artigo"],
    &["Luister naar dit artikel"],
    &["Posłuchaj artykułu"],
    &["点击播放"],
    &["動画を再生"],
];

const AD: &[&[&str]] = &[
    &["Advertisement", "Sponsored content"],
    &["Anzeige", "- Anzeige -", "Werbung"],
    &["Publicité"],
    &["Publicidad", "Contenido patrocinado"],
    &["Pubblicità"],
    &["Publicidade"],
    &["Advertentie"],
    &["Reklama"],
    &["广告"],
    &["広告"],
];

const NEWSLETTERS: &[&[&str]] = &[
    &[
        "Sign up for our morning briefing and get the day's top stories in your inbox.",
        "Subscribe to our newsletter: the week's best reads, every Saturday.",
        "Already a subscriber? Sign in to continue reading.",
    ],
    &[
        "Jetzt unseren Newsletter abonnieren und nichts mehr verpassen.",
        "Zum Newsletter anmelden: die wichtigsten Nachrichten am Morgen.",
    ],
    &["Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité."],
    &["Suscríbete a nuestro boletín y recibe cada mañana las noticias más importantes."],
    &["Iscriviti alla nostra newsletter per ricevere le notizie del giorno."],
    &["Receba nossa newsletter com as principais notícias do dia."],
    &["Schrijf je in voor onze nieuwsbrief en mis niets meer."],
    &["Zapisz się do newslettera i otrzymuj najważniejsze wiadomości."],
    &["订阅电子报，每天获取最新新闻。"],
    &["ニュースレターに登録して最新ニュースを受け取る。"],
];

const COMMENTS: &[&[&str]] = &[
    &["Show comments", "Leave a comment"],
    &["Kommentar schreiben", "Kommentare"],
    &["Réagir", "Commentaires"],
    &["Deja un comentario"],
    &["Lascia un commento"],
    &["Deixe um comentário"],
    &["Plaats een reactie"],
    &["Dodaj komentarz"],
    &["发表评论"],
    &["コメントする"],
];

const RAIL_LABELS: &[&[&str]] = &[
    &[
        "Deep dives",
        "More from this section",
        "Related articles",
        "You might also like",
    ],
    &[
        "Lesen Sie auch",
        "Mehr zum Thema",
        "Das könnte Sie auch interessieren",
    ],
    &["À lire aussi", "Sur le même sujet"],
    &["Te puede interesar", "Noticias relacionadas"],
    &["Leggi anche", "Articoli correlati"],
    &["Leia também", "Veja também"],
    &["Lees ook", "Meer over dit onderwerp"],
    &["Czytaj także", "Zobacz również"],
    &["相关新闻", "延伸阅读"],
    &["関連記事", "おすすめ記事"],
];

const MOST_READ: &[&[&str]] = &[
    &["Most read", "Most popular", "Trending"],
    &["Meistgelesen"],
    &["Les plus lus"],
    &["Lo más leído"],
    &["Più letti"],
    &["Mais lidas"],
    &["Meest gelezen"],
    &["Najczęściej czytane"],
    &["热门文章"],
    &["人気記事"],
];

const LEGAL_LINKS: &[&[&str]] = &[
    &[
        "Privacy policy",
        "Terms of use",
        "Cookie policy",
        "Contact us",
    ],
    &["Impressum", "Datenschutz", "Datenschutzerklärung"],
    &["Mentions légales", "Politique de confidentialité"],
    &["Aviso legal", "Política de privacidad"],
    &["Note legali", "Informativa sulla privacy"],
    &["Política de privacidade", "Termos de uso"],
    &["Privacybeleid", "Algemene voorwaarden"],
    &["Polityka prywatności", "Regulamin"],
    &["隐私政策", "免责声明"],
    &["プライバシーポリシー", "利用規約"],
];

const RIGHTS: &[&[&str]] = &[
    &["All rights reserved."],
    &["Alle Rechte vorbehalten."],
    &["Tous droits réservés."],
    &["Todos los derechos reservados."],
    &["Tutti i diritti riservati."],
    &["Todos os direitos reservados."],
    &["Alle rechten voorbehouden."],
    &["Wszelkie prawa zastrzeżone."],
    &["版权所有"],
    &["無断転載を禁じます"],
];

const BY: &[&[&str]] = &[
    &["By"],
    &["Von"],
    &["Par"],
    &["Por"],
    &["Di"],
    &["Por"],
    &["Door"],
    &["Autor:"],
    &["By"],
    &["By"],
];
