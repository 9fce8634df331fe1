//! The pipeline: lines → classified lines → units → extent → article.

pub(crate) mod assemble;
pub(crate) mod classify;
pub(crate) mod extent;
pub(crate) mod features;
pub(crate) mod headline;
pub(crate) mod lines;
pub(crate) mod structure;
pub(crate) mod swar;
pub(crate) mod weights;

use crate::lexicon::Lexicon;
use crate::{Article, Error, Options};

/// Fewest non-blank lines a page needs for the learned line scorer.
const MIN_LINES_FOR_MODEL: usize = 12;

/// Checks that `input` is something we parse at all.
pub(crate) fn check(input: &[u8], options: &Options) -> Result<(), Error> {
    let max = options.max_bytes.min(crate::MAX_INPUT);
    if input.len() > max {
        return Err(Error::TooLarge {
            len: input.len(),
            max,
        });
    }
    if input.is_empty() {
        return Err(Error::Empty);
    }
    if let Some(offset) = memchr::memchr(0, input) {
        return Err(Error::Binary { offset });
    }
    Ok(())
}

/// Runs every stage over an input that passed [`check`]. The callers
/// check first (`parse_bytes` before it validates the UTF-8, so that a
/// binary input is refused as binary), and the input is searched once.
pub(crate) fn run<'a>(
    input: &'a str,
    options: &Options,
    lexicon: &Lexicon,
) -> Result<Article<'a>, Error> {
    // Lines are classified as the splitter hands them out: no list of raw
    // lines is kept.
    let classification = classify::classify(input, lexicon);
    let classified = &classification.lines;
    // Only white space, Unicode and zero-width spaces included: nothing to read.
    if classified.is_empty() {
        return Err(Error::Blank { len: input.len() });
    }
    // The learned scorer knows whole web pages (its features include the
    // position in the page); a short text is left to the hand rules. The
    // per-line vectors live one after another, not side by side, so that
    // the peak stays near one classified line and one unit per line.
    let units = structure::units(input, classified, lexicon, options);
    // A clean copy of an article is all article; a page needs its extent
    // found.
    let (clean, units) = match extent::clean_copy(&units, classified) {
        Some(plain) => (true, plain),
        None => (false, units),
    };
    let extent = if clean {
        Some((0, units.len().saturating_sub(1)))
    } else {
        let scores = if classified.len() >= MIN_LINES_FOR_MODEL {
            let repeats = features::repeats(classified);
            let logits = features::logits(classified, &repeats, lexicon);
            extent::line_scores(classified, &logits, &repeats, lexicon)
        } else {
            Vec::new()
        };
        extent::extent(&units, classified, lexicon, &scores)
    };
    Ok(assemble::assemble(
        input,
        &classification,
        &units,
        extent,
        clean,
        lexicon,
    ))
}

/// Line features with their spans, for training the line scorer.
pub(crate) fn line_features(input: &str) -> Vec<(crate::Span, [f32; features::N])> {
    let lexicon = Lexicon::builtin();
    let classified = classify::classify(input, lexicon).lines;
    let f = features::features(&classified, &features::repeats(&classified), lexicon);
    classified.iter().map(|c| c.span(input)).zip(f).collect()
}

/// Text the stages' unit tests share.
#[cfg(test)]
pub(crate) mod testing {
    /// Ten paragraphs of a fictional story: long enough (with a headline)
    /// for the learned line scorer.
    pub(crate) const FERRY_STORY: &str = "\
The ferry sailed again on Monday after three months in the dry dock, its owners said.\n\n\
Passengers queued from early morning, and the first crossing was full by nine.\n\n\
The repairs cost more than planned, because the hull needed new plates.\n\n\
The council paid part of the bill, which some members had opposed in the spring.\n\n\
The harbour master said the timetable would be back to normal within the week.\n\n\
Two smaller boats covered the route while the ferry was away, at a loss.\n\n\
The owners said fares would stay as they were until the end of the year.\n\n\
Regular passengers said they were glad to have the bigger boat back.\n\n\
A second ferry is due to be refitted next winter, the owners added.\n\n\
The work will be done at the same yard, which employs forty people.";
}
