//! STUB until the faq branch lands.
pub enum FaqMatch {
    Sure(String),
    Unsure(Vec<String>),
    NoMatch,
}
pub struct FaqMatcher;
#[derive(Debug)]
pub struct FaqDataError(pub String);
impl std::fmt::Display for FaqDataError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
impl FaqMatcher {
    pub fn from_toml(_source_name: &str, _text: &str) -> Result<FaqMatcher, FaqDataError> {
        Ok(FaqMatcher)
    }
    pub fn topics(&self) -> impl Iterator<Item = &str> {
        std::iter::empty()
    }
    pub fn match_text(&self, _text: &str) -> FaqMatch {
        FaqMatch::NoMatch
    }
}
