//! Recognisers for the constructs found inside one line, each a small nom
//! parser with its own tests. They see one trimmed line and never look
//! beyond it.

pub(crate) mod bullet;
pub(crate) mod byline;
pub(crate) mod credit;
pub(crate) mod date;
pub(crate) mod heading;
pub(crate) mod link;
pub(crate) mod name;
pub(crate) mod shape;
