//! A small typed reader over a span-carrying TOML table. It turns missing keys, wrong types,
//! empty text and unknown keys into located problems and carries on, so one pass over a file
//! reports everything wrong with it rather than stopping at the first mistake.

use std::ops::Range;

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use super::problem::Collector;
use super::suggest::closest;

pub(crate) type Span = Range<usize>;

/// One TOML table being read, with the name it has in the file (e.g. `[[questions]]`) so
/// messages can say where a key belongs.
pub(crate) struct TableReader<'t, 'i> {
    table: &'t DeTable<'i>,
    pub(crate) span: Span,
    pub(crate) name: &'static str,
    allowed: &'static [&'static str],
}

impl<'t, 'i> TableReader<'t, 'i> {
    /// A reader for `table`, whose keys must all be in `allowed`.
    pub(crate) fn new(
        table: &'t DeTable<'i>,
        span: Span,
        name: &'static str,
        allowed: &'static [&'static str],
    ) -> Self {
        TableReader {
            table,
            span,
            name,
            allowed,
        }
    }

    fn value(&self, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.table.get(key)
    }

    /// The value written for `key`, for readers of shapes this type does not know.
    pub(crate) fn raw(&self, key: &str) -> Option<&'t Spanned<DeValue<'i>>> {
        self.value(key)
    }

    /// The keys written in this table, with their spans, in file order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = (&'t str, Span)> + '_ {
        self.table.keys().map(|k| (k.get_ref().as_ref(), k.span()))
    }

    /// Optional text: `None` when the key is absent; blank text is reported like [`Self::text`].
    pub(crate) fn optional_text(&self, out: &mut Collector, key: &str) -> Option<(String, Span)> {
        self.value(key)?;
        Some(self.text(out, key))
    }

    /// An optional `true` or `false`.
    pub(crate) fn boolean(&self, out: &mut Collector, key: &str) -> Option<bool> {
        let value = self.value(key)?;
        match value.get_ref().as_bool() {
            Some(flag) => Some(flag),
            None => {
                self.wrong_type(out, key, value, "true or false, without quotes");
                None
            }
        }
    }

    /// An optional sub-table, such as `[wording]`.
    pub(crate) fn optional_table(
        &self,
        out: &mut Collector,
        key: &str,
        name: &'static str,
        allowed: &'static [&'static str],
    ) -> Option<TableReader<'t, 'i>> {
        self.value(key)?;
        self.table(out, key, name, allowed)
    }

    /// An optional array of tables, such as `[[profiles]]`; absent is none.
    pub(crate) fn optional_tables(
        &self,
        out: &mut Collector,
        key: &str,
        name: &'static str,
        allowed: &'static [&'static str],
    ) -> Vec<TableReader<'t, 'i>> {
        if self.value(key).is_none() {
            return Vec::new();
        }
        self.tables(out, key, name, allowed)
    }

    /// The same table read with another set of allowed keys (a format's own).
    pub(crate) fn with_allowed(&self, allowed: &'static [&'static str]) -> Self {
        TableReader::new(self.table, self.span.clone(), self.name, allowed)
    }

    /// Reports every key that is not allowed, suggesting the nearest allowed key for a typo.
    pub(crate) fn check_keys(&self, out: &mut Collector) {
        self.check_keys_except(out, &[]);
    }

    /// As [`Self::check_keys`], leaving the keys in `reported_elsewhere` to a better message.
    pub(crate) fn check_keys_except(&self, out: &mut Collector, reported_elsewhere: &[&str]) {
        for key in self.table.keys() {
            let name = key.get_ref().as_ref();
            if self.allowed.contains(&name) || reported_elsewhere.contains(&name) {
                continue;
            }
            let hint = match closest(name, self.allowed) {
                Some(near) => format!("did you mean `{near}`?"),
                None => format!("the keys allowed here are {}", list_keys(self.allowed)),
            };
            out.at(
                &key.span(),
                format!("unknown key `{name}` in {}; {hint}", self.name),
            );
        }
    }

    /// True when an unknown key in this table looks like a typo of `key`; its "did you mean"
    /// report already tells the user what to fix, so `key` is not reported missing as well.
    fn misspelt(&self, key: &str) -> bool {
        self.table.keys().any(|k| {
            let name = k.get_ref().as_ref();
            !self.allowed.contains(&name) && closest(name, self.allowed) == Some(key)
        })
    }

    fn missing(&self, out: &mut Collector, key: &str, example: &str) {
        if self.misspelt(key) {
            return;
        }
        out.at(
            &self.span,
            format!(
                "{} has no `{key}`; add a line such as `{key} = {example}` to it",
                self.name
            ),
        );
    }

    pub(crate) fn wrong_type(
        &self,
        out: &mut Collector,
        key: &str,
        value: &Spanned<DeValue>,
        want: &str,
    ) {
        out.at(
            &value.span(),
            format!(
                "`{key}` in {} must be {want}, but here it is {}",
                self.name,
                describe(value.get_ref())
            ),
        );
    }

    /// A required piece of text that must not be blank.
    pub(crate) fn text(&self, out: &mut Collector, key: &str) -> (String, Span) {
        let Some(value) = self.value(key) else {
            self.missing(out, key, text_example(key));
            return (String::new(), self.span.clone());
        };
        let Some(text) = value.get_ref().as_str() else {
            self.wrong_type(out, key, value, "text in double quotes");
            return (String::new(), value.span());
        };
        if text.trim().is_empty() {
            out.at(
                &value.span(),
                format!(
                    "`{key}` in {} is empty; write the text between the quotes",
                    self.name
                ),
            );
        }
        (text.trim().to_owned(), value.span())
    }

    /// A list of non-blank pieces of text. A missing key is an empty list when `required` is
    /// false; each item comes back with its own span for later checks.
    pub(crate) fn text_list(
        &self,
        out: &mut Collector,
        key: &str,
        required: bool,
    ) -> (Vec<Spanned<String>>, Span) {
        let Some(value) = self.value(key) else {
            if required {
                self.missing(out, key, "[\"...\", \"...\"]");
            }
            return (Vec::new(), self.span.clone());
        };
        let Some(items) = value.get_ref().as_array() else {
            self.wrong_type(out, key, value, "a list of text, like [\"...\", \"...\"]");
            return (Vec::new(), value.span());
        };
        if required && items.is_empty() {
            out.at(
                &value.span(),
                format!(
                    "`{key}` in {} is an empty list; add at least one item",
                    self.name
                ),
            );
        }
        let mut texts = Vec::with_capacity(items.len());
        for (i, item) in items.iter().enumerate() {
            let Some(text) = item.get_ref().as_str() else {
                self.wrong_type(out, key, item, "a list of text only");
                continue;
            };
            if text.trim().is_empty() {
                out.at(
                    &item.span(),
                    format!(
                        "item {} of `{key}` in {} is empty; write the text or remove the item",
                        i + 1,
                        self.name
                    ),
                );
            }
            // Kept even when empty, so a blank descriptor is not also counted as a missing one.
            texts.push(Spanned::new(item.span(), text.trim().to_owned()));
        }
        (texts, value.span())
    }

    /// A whole number within `range`; `default` is used when the key is absent (and when it
    /// is `None`, the key is required).
    pub(crate) fn integer(
        &self,
        out: &mut Collector,
        key: &str,
        default: Option<u32>,
        range: std::ops::RangeInclusive<u32>,
    ) -> (Option<u32>, Span) {
        let Some(value) = self.value(key) else {
            if default.is_none() {
                self.missing(out, key, &range.start().to_string());
            }
            return (default, self.span.clone());
        };
        let Some(integer) = value.get_ref().as_integer() else {
            self.wrong_type(out, key, value, "a whole number without quotes");
            return (None, value.span());
        };
        let parsed = i64::from_str_radix(integer.as_str(), integer.radix()).ok();
        match parsed.and_then(|n| u32::try_from(n).ok()) {
            Some(n) if range.contains(&n) => (Some(n), value.span()),
            _ => {
                out.at(
                    &value.span(),
                    format!(
                        "`{key}` in {} is {}, but it must be between {} and {}",
                        self.name,
                        out.source(&value.span()),
                        range.start(),
                        range.end()
                    ),
                );
                (None, value.span())
            }
        }
    }

    /// A required sub-table, such as `[questions.recommendation]`.
    pub(crate) fn table(
        &self,
        out: &mut Collector,
        key: &str,
        name: &'static str,
        allowed: &'static [&'static str],
    ) -> Option<TableReader<'t, 'i>> {
        let Some(value) = self.value(key) else {
            out.at(
                &self.span,
                format!(
                    "{} has no `{key}`; add a {name} table with its keys",
                    self.name
                ),
            );
            return None;
        };
        match value.get_ref().as_table() {
            Some(table) => Some(TableReader::new(table, value.span(), name, allowed)),
            None => {
                self.wrong_type(out, key, value, &format!("a table, written as {name}"));
                None
            }
        }
    }

    /// A required, non-empty array of tables, such as the `[[questions]]`.
    pub(crate) fn tables(
        &self,
        out: &mut Collector,
        key: &str,
        name: &'static str,
        allowed: &'static [&'static str],
    ) -> Vec<TableReader<'t, 'i>> {
        let Some(value) = self.value(key) else {
            if self.misspelt(key) {
                return Vec::new();
            }
            out.at(
                &self.span,
                format!("the file has no {name} tables; add at least one, starting with a line `{name}`"),
            );
            return Vec::new();
        };
        let Some(items) = value.get_ref().as_array() else {
            self.wrong_type(out, key, value, &format!("a series of {name} tables"));
            return Vec::new();
        };
        if items.is_empty() {
            out.at(
                &value.span(),
                format!("`{key}` is empty; add at least one {name} table"),
            );
        }
        let mut tables = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref().as_table() {
                Some(table) => tables.push(TableReader::new(table, item.span(), name, allowed)),
                None => self.wrong_type(out, key, item, &format!("a series of {name} tables")),
            }
        }
        tables
    }
}

/// What kind of value was written ("text", "a date"), for wrong-type messages.
pub(crate) fn describe(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true or false",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "a list",
        DeValue::Table(_) => "a table",
    }
}

/// An example value for a missing text key, where "..." would not show what is expected.
fn text_example(key: &str) -> &'static str {
    match key {
        "provenance" => "\"published\"",
        "version" => "\"1.0\"",
        "id" => "\"a-short-id\"",
        _ => "\"...\"",
    }
}

fn list_keys(keys: &[&str]) -> String {
    let quoted: Vec<String> = keys.iter().map(|k| format!("`{k}`")).collect();
    quoted.join(", ")
}
