//! Renderers: the clean article as plain text or Markdown.

use std::fmt::Write;

use crate::{Article, Block};

impl Article<'_> {
    /// The clean article as plain text: the headline underlined with `=`,
    /// the byline and dates, the standfirst, then the body's paragraphs,
    /// headings and list items (`• `), one blank line between blocks.
    /// Related links, pull quotes, sections and boilerplate are left out.
    ///
    /// Parsing the text again gives back the same headline, byline, dates
    /// and paragraphs: a text like this, with no page around it, is read as
    /// a clean copy of an article.
    ///
    /// ```
    /// let a = newsprint::parse("Harbour ferry returns after repairs\n\nBy Jane Roe\n\nThe ferry sailed again on Monday.\n\nAccept all cookies").unwrap();
    /// let text = a.to_text();
    /// assert_eq!(text, "Harbour ferry returns after repairs\n===================================\n\nBy Jane Roe\n\nThe ferry sailed again on Monday.\n");
    /// let again = newsprint::parse(&text).unwrap();
    /// assert_eq!(again.headline.unwrap().text, "Harbour ferry returns after repairs");
    /// assert_eq!(again.byline.unwrap().text, "By Jane Roe");
    /// ```
    pub fn to_text(&self) -> String {
        let mut out = String::new();
        let para = |out: &mut String, s: &str| {
            if !out.is_empty() {
                out.push('\n');
            }
            out.push_str(s);
            out.push('\n');
        };
        if let Some(h) = &self.headline {
            // Underlined (a setext heading), so that the headline reads back
            // as the headline.
            para(&mut out, &underlined(&h.text, '='));
        }
        for meta in [&self.byline, &self.published, &self.updated]
            .into_iter()
            .flatten()
        {
            para(&mut out, &meta.text);
        }
        if let Some(s) = &self.standfirst {
            para(&mut out, &s.text);
        }
        for b in &self.body {
            match b {
                Block::Paragraph(t) => para(&mut out, &t.text),
                // Underlined with `-`, so that it reads back as a heading.
                Block::Heading { text, .. } => para(&mut out, &underlined(text, '-')),
                Block::List { items, .. } => {
                    let mut s = String::new();
                    for (n, it) in items.iter().enumerate() {
                        if n > 0 {
                            s.push('\n');
                        }
                        s.push_str("• ");
                        s.push_str(&it.text);
                    }
                    para(&mut out, &s);
                }
                _ => {}
            }
        }
        out
    }

    /// The article as Markdown: `#` headline, the standfirst in italics,
    /// byline and dates, body blocks, related links as `→` links, pull quotes
    /// as block quotes with their attribution.
    ///
    /// ```
    /// let a = newsprint::parse("Harbour ferry returns after repairs\n\nThe ferry sailed again on Monday.").unwrap();
    /// assert!(a.to_markdown().starts_with("# Harbour ferry returns after repairs\n"));
    /// ```
    pub fn to_markdown(&self) -> String {
        let mut out = String::new();
        if let Some(h) = &self.headline {
            let _ = writeln!(out, "# {}\n", h.text);
        }
        if let Some(s) = &self.standfirst {
            let _ = writeln!(out, "*{}*\n", s.text);
        }
        let meta: Vec<&str> = [&self.byline, &self.published, &self.updated]
            .into_iter()
            .flatten()
            .map(|t| t.text.as_ref())
            .collect();
        if !meta.is_empty() {
            let _ = writeln!(out, "{}\n", meta.join(" · "));
        }
        for b in &self.body {
            match b {
                Block::Paragraph(t) => {
                    let _ = writeln!(out, "{}\n", t.text);
                }
                Block::Heading { text, level, .. } => {
                    let hashes = "#".repeat(usize::from((*level).clamp(2, 6)));
                    let _ = writeln!(out, "{hashes} {text}\n");
                }
                Block::List { items, ordered, .. } => {
                    for (n, it) in items.iter().enumerate() {
                        if *ordered {
                            let _ = writeln!(out, "{}. {}", n + 1, it.text);
                        } else {
                            let _ = writeln!(out, "- {}", it.text);
                        }
                    }
                    out.push('\n');
                }
                Block::RelatedLink { title, url, .. } => {
                    let _ = match url {
                        Some(u) => writeln!(out, "→ [{title}]({u})\n"),
                        None => writeln!(out, "→ *{title}*\n"),
                    };
                }
                Block::PullQuote {
                    text, attribution, ..
                } => {
                    let _ = writeln!(out, "> {text}");
                    if let Some(a) = attribution {
                        let _ = writeln!(out, ">\n> — {a}");
                    }
                    out.push('\n');
                }
            }
        }
        for s in &self.sections {
            if !s.title.is_empty() {
                let _ = writeln!(out, "## {}\n", s.title);
            }
            for c in &s.cards {
                let _ = writeln!(out, "### {}\n", c.title);
                for bl in &c.bullets {
                    let _ = writeln!(out, "- {}", bl.text);
                }
                if !c.bullets.is_empty() {
                    out.push('\n');
                }
                for p in &c.summary {
                    let _ = writeln!(out, "{}\n", p.text);
                }
                if let Some(cr) = &c.credit {
                    let _ = writeln!(out, "*{}: {}*\n", cr.kind.as_str(), cr.source);
                }
            }
        }
        while out.ends_with("\n\n") {
            out.pop();
        }
        out
    }
}

/// `text` over a setext underline of `mark` as wide as it (three at least).
fn underlined(text: &str, mark: char) -> String {
    let width = text.chars().count().max(3);
    let mut s = String::with_capacity(text.len() + 1 + width);
    s.push_str(text);
    s.push('\n');
    s.extend(std::iter::repeat_n(mark, width));
    s
}
