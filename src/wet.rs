//! Reading Common Crawl WET files (placeholder: being written).
