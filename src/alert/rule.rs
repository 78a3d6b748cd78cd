//! The rule language: the thresholds operators write over the contract's facts, parsed with nom.
//!
//! `wind.level >= 6 or wind.gust >= 8`, `rain.intensity >= heavy`, `hazard in [tornado, hail]`,
//! `thunderstorm`. The grammar is `grammars/rules.ebnf`; each rule function below quotes its
//! production. What the names mean (kinds, fields, their types and vocabularies) is the table
//! [`KINDS`], built on the contract types of [`crate::bulletin`].
//!
//! Semantics, over the facts that concern one area:
//! * a test (`wind.level >= 6`) holds when at least one fact of its kind satisfies it; the facts
//!   that do are the test's evidence;
//! * `and` holds when every operand holds, `or` when any does; the evidence is the union of the
//!   evidence of the operands that hold. Operands may be satisfied by different facts ("a
//!   thunderstorm and a tornado in the same area").
//! * A range is compared by its worst side: its upper end for `>=`/`>`, its lower end for
//!   `<=`/`<`; an open range counts as its known end. `==` holds when the value lies in the range.
//! * Ordered vocabularies (rain intensity, heat, cold, fog, sea state, cyclone category,
//!   coverage) compare by their order in the contract; a rain fact with several intensities
//!   compares by its heaviest (for `>=`) or lightest (for `<=`).
//!
//! Because every test needs a fact of its kind and no test is negated across facts, a rule never
//! fires without a fact of a kind it names, and adding a fact never turns a rule off (both
//! property-tested).

use std::fmt;

use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while1};
use nom::character::complete::{char, digit1, multispace0};
use nom::combinator::{all_consuming, cut, opt, recognize};
use nom::error::{ErrorKind, ParseError};
use nom::multi::{many0, separated_list1};
use nom::sequence::{delimited, preceded};
use nom::{IResult, Parser};
use serde::{Deserialize, Serialize};
use strum::VariantNames;

use crate::bulletin::{
    ColdSeverity, Condition, Coverage, CycloneCategory, Fact, FactBody, FogDensity, HazardKind, HeatSeverity,
    Intensity, RainForm, Range, SeaState, SkyCover,
};

// ---------------------------------------------------------------------------------------------
// What the names mean

/// The type of a field, which decides the operators and literals it takes.
#[derive(Debug, Clone, Copy)]
pub enum Ty {
    /// A number or a range of numbers.
    Number,
    /// An ordered vocabulary, least to most.
    Ordinal(&'static [&'static str]),
    /// An unordered vocabulary.
    Word(&'static [&'static str]),
    /// True or false; tested by naming it (`hazard.observed`).
    Bool,
}

/// A fact's value for one field.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Val {
    /// A range's lower and upper ends (an open end takes the known one), and which end was open:
    /// "dưới 1 km" is `{lo: 1, hi: 1, below: true}`, below 1.
    Num {
        lo: f64,
        hi: f64,
        below: bool,
        above: bool,
    },
    /// The ranks present, one bit each (a rain fact may have several intensities).
    Ranks(u32),
    Word(&'static str),
    Bool(bool),
}

/// A field of a fact kind.
#[derive(Debug)]
pub struct Field {
    pub name: &'static str,
    pub ty: Ty,
    get: fn(&Fact) -> Option<Val>,
}

/// A fact kind of the contract, as rules name it.
#[derive(Debug)]
pub struct Kind {
    pub name: &'static str,
    /// The field a bare kind is compared by (`sea_state >= very_rough`), if any.
    pub main: Option<&'static str>,
    pub fields: &'static [Field],
}

/// Coverage words, from the most local to the most widespread (the contract lists them the other
/// way round).
const COVERAGE_ORDER: &[&str] =
    &["local", "some_places", "few_places", "scattered", "many_places", "widespread"];
const LIKELIHOODS: &[&str] = &["expected", "possible"];
const CONDITIONS: &[&str] = &["none", "in_thunderstorms", "in_rain", "in_fog"];

fn num(r: Option<&Range>) -> Option<Val> {
    let r = r?;
    Some(Val::Num { lo: r.lower()?, hi: r.upper()?, below: r.min.is_none(), above: r.max.is_none() })
}

fn point(v: f64) -> Val {
    Val::Num { lo: v, hi: v, below: false, above: false }
}

fn rank<T: Into<&'static str>>(v: T, names: &[&str]) -> Option<Val> {
    let name: &'static str = v.into();
    let n = names.iter().position(|&x| x == name)?;
    Some(Val::Ranks(1 << n))
}

fn word_val<T: Into<&'static str>>(v: T) -> Option<Val> {
    Some(Val::Word(v.into()))
}

/// The widest of several ranges: the lowest lower end and the highest upper end.
fn widest(ranges: impl IntoIterator<Item = Option<Val>>) -> Option<Val> {
    ranges.into_iter().flatten().reduce(|a, b| match (a, b) {
        (Val::Num { lo: a, hi: b, below: x, above: y }, Val::Num { lo: c, hi: d, below: z, above: w }) => {
            Val::Num {
                lo: a.min(c),
                hi: b.max(d),
                below: (x && a <= c) || (z && c <= a),
                above: (y && b >= d) || (w && d >= b),
            }
        }
        (a, _) => a,
    })
}

macro_rules! field {
    ($name:literal, $ty:expr, $get:expr) => {
        Field { name: $name, ty: $ty, get: $get }
    };
}

/// Qualifier fields, which every kind has.
pub static QUALIFIERS: &[Field] = &[
    field!("coverage", Ty::Ordinal(COVERAGE_ORDER), |f| f
        .qualifiers
        .coverage
        .and_then(|c| rank(c, COVERAGE_ORDER))),
    field!("likelihood", Ty::Word(LIKELIHOODS), |f| Some(Val::Word(match f.qualifiers.likelihood {
        Some(_) => "possible",
        None => "expected",
    }))),
    field!("condition", Ty::Word(CONDITIONS), |f| Some(Val::Word(
        f.qualifiers.condition.map_or("none", <&'static str>::from)
    ))),
    field!("observed", Ty::Bool, |f| Some(Val::Bool(f.qualifiers.observed == Some(true)))),
];

/// Every kind of the contract and its fields. Field names are the contract's, plus a few
/// derived ones: `wind.level` is the strongest sustained level stated (level, "có lúc", "sau
/// tăng lên"); `temperature.high/low/mean` read `celsius` of facts with that bound;
/// `humidity.max/min` are the ends of `percent`.
pub static KINDS: &[Kind] = &[
    Kind {
        name: "sky",
        main: Some("cover"),
        fields: &[field!("cover", Ty::Word(SkyCover::VARIANTS), |f| match &f.body {
            FactBody::Sky { cover } => word_val(*cover),
            _ => None,
        })],
    },
    Kind { name: "no_rain", main: None, fields: &[] },
    Kind {
        name: "rain",
        main: Some("intensity"),
        fields: &[
            field!("intensity", Ty::Ordinal(Intensity::VARIANTS), |f| match &f.body {
                FactBody::Rain { intensity, .. } => {
                    let mask = intensity
                        .iter()
                        .filter_map(|&i| match rank(i, Intensity::VARIANTS) {
                            Some(Val::Ranks(m)) => Some(m),
                            _ => None,
                        })
                        .fold(0, |a, b| a | b);
                    (mask != 0).then_some(Val::Ranks(mask))
                }
                _ => None,
            }),
            field!("form", Ty::Word(RainForm::VARIANTS), |f| match &f.body {
                FactBody::Rain { form, .. } => word_val(*form),
                _ => None,
            }),
        ],
    },
    Kind {
        name: "rainfall",
        main: Some("mm"),
        fields: &[
            field!("mm", Ty::Number, |f| match &f.body {
                FactBody::Rainfall { mm, .. } => num(Some(mm)),
                _ => None,
            }),
            field!("hours", Ty::Number, |f| match &f.body {
                FactBody::Rainfall { hours: Some(h), .. } => Some(point(f64::from(*h))),
                _ => None,
            }),
        ],
    },
    Kind { name: "thunderstorm", main: None, fields: &[] },
    Kind {
        name: "hazard",
        main: Some("hazard"),
        fields: &[
            field!("hazard", Ty::Word(HazardKind::VARIANTS), |f| match &f.body {
                FactBody::Hazard { hazard, .. } => word_val(*hazard),
                _ => None,
            }),
            field!("level", Ty::Number, |f| match &f.body {
                FactBody::Hazard { level, .. } => num(level.as_ref()),
                _ => None,
            }),
        ],
    },
    Kind {
        name: "wind",
        main: Some("level"),
        fields: &[
            field!("level", Ty::Number, |f| match &f.body {
                FactBody::Wind(w) =>
                    widest([num(w.level.as_ref()), num(w.at_times.as_ref()), num(w.later.as_ref())]),
                _ => None,
            }),
            field!("gust", Ty::Number, |f| match &f.body {
                FactBody::Wind(w) => num(w.gust.as_ref()),
                _ => None,
            }),
            field!("at_times", Ty::Number, |f| match &f.body {
                FactBody::Wind(w) => num(w.at_times.as_ref()),
                _ => None,
            }),
            field!("later", Ty::Number, |f| match &f.body {
                FactBody::Wind(w) => num(w.later.as_ref()),
                _ => None,
            }),
            field!("speed_kmh", Ty::Number, |f| match &f.body {
                FactBody::Wind(w) => num(w.speed_kmh.as_ref()),
                _ => None,
            }),
            field!("speed_ms", Ty::Number, |f| match &f.body {
                FactBody::Wind(w) => num(w.speed_ms.as_ref()),
                _ => None,
            }),
        ],
    },
    Kind {
        name: "humidity",
        main: Some("percent"),
        fields: &[
            field!("percent", Ty::Number, |f| match &f.body {
                FactBody::Humidity { percent, .. } => num(Some(percent)),
                _ => None,
            }),
            field!("max", Ty::Number, |f| match &f.body {
                FactBody::Humidity { percent, .. } => percent.upper().map(point),
                _ => None,
            }),
            field!("min", Ty::Number, |f| match &f.body {
                FactBody::Humidity { percent, .. } => percent.lower().map(point),
                _ => None,
            }),
        ],
    },
    Kind {
        name: "temperature",
        main: Some("celsius"),
        fields: &[
            field!("celsius", Ty::Number, |f| match &f.body {
                FactBody::Temperature { celsius, .. } => num(Some(celsius)),
                _ => None,
            }),
            field!("high", Ty::Number, |f| match &f.body {
                FactBody::Temperature { bound: Some(crate::bulletin::Bound::High), celsius } =>
                    num(Some(celsius)),
                _ => None,
            }),
            field!("low", Ty::Number, |f| match &f.body {
                FactBody::Temperature { bound: Some(crate::bulletin::Bound::Low), celsius } =>
                    num(Some(celsius)),
                _ => None,
            }),
            field!("mean", Ty::Number, |f| match &f.body {
                FactBody::Temperature { bound: Some(crate::bulletin::Bound::Mean), celsius } =>
                    num(Some(celsius)),
                _ => None,
            }),
        ],
    },
    Kind {
        name: "heat",
        main: Some("severity"),
        fields: &[field!("severity", Ty::Ordinal(HeatSeverity::VARIANTS), |f| match &f.body {
            FactBody::Heat { severity } => rank(*severity, HeatSeverity::VARIANTS),
            _ => None,
        })],
    },
    Kind {
        name: "cold",
        main: Some("severity"),
        fields: &[field!("severity", Ty::Ordinal(ColdSeverity::VARIANTS), |f| match &f.body {
            FactBody::Cold { severity } => rank(*severity, ColdSeverity::VARIANTS),
            _ => None,
        })],
    },
    Kind {
        name: "fog",
        main: Some("density"),
        fields: &[field!("density", Ty::Ordinal(FogDensity::VARIANTS), |f| match &f.body {
            FactBody::Fog { density } => rank(*density, FogDensity::VARIANTS),
            _ => None,
        })],
    },
    Kind {
        name: "visibility",
        main: Some("km"),
        fields: &[field!("km", Ty::Number, |f| match &f.body {
            FactBody::Visibility { km } => num(Some(km)),
            _ => None,
        })],
    },
    Kind {
        name: "waves",
        main: Some("m"),
        fields: &[field!("m", Ty::Number, |f| match &f.body {
            FactBody::Waves { m } => num(Some(m)),
            _ => None,
        })],
    },
    Kind {
        name: "sea_state",
        main: Some("state"),
        fields: &[field!("state", Ty::Ordinal(SeaState::VARIANTS), |f| match &f.body {
            FactBody::SeaState { state } => rank(*state, SeaState::VARIANTS),
            _ => None,
        })],
    },
    Kind {
        name: "risk",
        main: Some("level"),
        fields: &[field!("level", Ty::Number, |f| match &f.body {
            FactBody::Risk { level, .. } => Some(point(f64::from(*level))),
            _ => None,
        })],
    },
    Kind {
        name: "cyclone",
        main: Some("category"),
        fields: &[
            field!("category", Ty::Ordinal(CycloneCategory::VARIANTS), |f| match &f.body {
                FactBody::Cyclone(c) => rank(c.category, CycloneCategory::VARIANTS),
                _ => None,
            }),
            field!("level", Ty::Number, |f| match &f.body {
                FactBody::Cyclone(c) => num(c.level.as_ref()),
                _ => None,
            }),
            field!("gust", Ty::Number, |f| match &f.body {
                FactBody::Cyclone(c) => num(c.gust.as_ref()),
                _ => None,
            }),
            field!("speed_kmh", Ty::Number, |f| match &f.body {
                FactBody::Cyclone(c) => num(c.speed_kmh.as_ref()),
                _ => None,
            }),
            field!("number", Ty::Number, |f| match &f.body {
                FactBody::Cyclone(c) => c.number.map(|n| point(f64::from(n))),
                _ => None,
            }),
        ],
    },
];

// The qualifier vocabularies above must be the contract's.
const _: () = assert!(COVERAGE_ORDER.len() == Coverage::VARIANTS.len());
const _: () = assert!(CONDITIONS.len() == Condition::VARIANTS.len() + 1);

fn kind_named(name: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.name == name)
}

impl Kind {
    /// A field of the kind or a qualifier.
    fn field(&'static self, name: &str) -> Option<&'static Field> {
        self.fields.iter().chain(QUALIFIERS).find(|f| f.name == name)
    }

    fn field_names(&'static self) -> Vec<&'static str> {
        self.fields.iter().chain(QUALIFIERS).map(|f| f.name).collect()
    }
}

// ---------------------------------------------------------------------------------------------
// The syntax tree

/// A comparison operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Op {
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = ">")]
    Gt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "==")]
    Eq,
    #[serde(rename = "!=")]
    Ne,
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Ge => ">=",
            Op::Gt => ">",
            Op::Le => "<=",
            Op::Lt => "<",
            Op::Eq => "==",
            Op::Ne => "!=",
        }
    }

    fn ordering(self) -> bool {
        !matches!(self, Op::Eq | Op::Ne)
    }
}

/// A value written in a rule: a number or a vocabulary word.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Literal {
    Number(f64),
    Word(String),
}

impl fmt::Display for Literal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Literal::Number(n) => write!(f, "{}", crate::alert::fmt_num(*n)),
            Literal::Word(w) => f.write_str(w),
        }
    }
}

/// What a test names: a kind, and a field of it unless the kind stands alone.
#[derive(Debug, Clone, Copy)]
pub struct Path {
    pub kind: &'static Kind,
    pub field: Option<&'static Field>,
}

impl fmt::Display for Path {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.field {
            Some(field) => write!(f, "{}.{}", self.kind.name, field.name),
            None => f.write_str(self.kind.name),
        }
    }
}

/// A rule's condition.
#[derive(Debug, Clone)]
pub enum Expr {
    Or(Vec<Expr>),
    And(Vec<Expr>),
    /// `path op literal`; a bare kind compares its main field.
    Compare {
        path: Path,
        op: Op,
        value: Literal,
    },
    /// `path in [word, …]`.
    In {
        path: Path,
        words: Vec<String>,
    },
    /// A kind alone (`thunderstorm`) or a true/false field (`rainfall.observed`).
    Present {
        path: Path,
    },
}

// ---------------------------------------------------------------------------------------------
// The parser

/// Where parsing failed and why.
#[derive(Debug, Clone, PartialEq)]
struct Fail<'a> {
    at: &'a str,
    message: Option<String>,
}

impl<'a> ParseError<&'a str> for Fail<'a> {
    fn from_error_kind(input: &'a str, _: ErrorKind) -> Self {
        Fail { at: input, message: None }
    }
    fn append(_: &'a str, _: ErrorKind, other: Self) -> Self {
        other
    }
    // Of two failed alternatives, report the one that got further, and a stated reason first.
    fn or(self, other: Self) -> Self {
        match (self.message.is_some(), other.message.is_some()) {
            (true, false) => self,
            (false, true) => other,
            _ if other.at.len() < self.at.len() => other,
            _ => self,
        }
    }
}

type Res<'a, T> = IResult<&'a str, T, Fail<'a>>;

fn fail<'a, T>(at: &'a str, message: String) -> Res<'a, T> {
    Err(nom::Err::Failure(Fail { at, message: Some(message) }))
}

/// An invalid rule: where (1-based character column of the rule text) and why.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("column {column}: {message}")]
pub struct RuleError {
    pub column: usize,
    pub message: String,
}

impl RuleError {
    /// The rule text with a caret under the column, for people.
    pub fn pointer(&self, text: &str) -> String {
        format!("  {text}\n  {}^", " ".repeat(self.column.saturating_sub(1)))
    }
}

/// Parses a rule's condition.
pub fn parse_rule(text: &str) -> Result<Expr, RuleError> {
    match rule(text) {
        Ok((_, expr)) => Ok(expr),
        Err(nom::Err::Error(e) | nom::Err::Failure(e)) => {
            // Point at the offending character, not at the blanks before it.
            let consumed = text.len().saturating_sub(e.at.trim_start().len());
            let column = text.get(..consumed).map_or(1, |s| s.chars().count() + 1);
            let message = e.message.unwrap_or_else(|| match e.at.trim_start().chars().next() {
                None => "the rule ends too early: a test, `and`, `or` or `)` is missing".to_owned(),
                Some(c) => {
                    format!("unexpected `{c}`: expected a test such as `wind.level >= 6`, `and`, `or` or `)`")
                }
            });
            Err(RuleError { column, message })
        }
        Err(nom::Err::Incomplete(_)) => Err(RuleError { column: 1, message: "incomplete rule".to_owned() }),
    }
}

fn ws<'a, O, F>(inner: F) -> impl Parser<&'a str, Output = O, Error = Fail<'a>>
where
    F: Parser<&'a str, Output = O, Error = Fail<'a>>,
{
    delimited(multispace0, inner, multispace0)
}

/// A keyword as a whole word.
fn keyword<'a>(k: &'static str) -> impl Parser<&'a str, Output = &'a str, Error = Fail<'a>> {
    move |i: &'a str| {
        let (rest, w) = ws(word).parse(i)?;
        if w == k { Ok((rest, w)) } else { Err(nom::Err::Error(Fail { at: i, message: None })) }
    }
}

// rule = or_expr ;
fn rule(i: &str) -> Res<'_, Expr> {
    all_consuming(or_expr).parse(i)
}

// or_expr = and_expr , { "or" , and_expr } ;
fn or_expr(i: &str) -> Res<'_, Expr> {
    // After a keyword the next operand must follow: `cut` reports a missing one where it is
    // missing, instead of backtracking to the keyword.
    let (i, first) = and_expr(i)?;
    let (i, mut list) = many0(preceded(keyword("or"), cut(and_expr))).parse(i)?;
    list.insert(0, first);
    Ok((i, if list.len() == 1 { list.remove(0) } else { Expr::Or(list) }))
}

// and_expr = atom , { "and" , atom } ;
fn and_expr(i: &str) -> Res<'_, Expr> {
    let (i, first) = atom(i)?;
    let (i, mut list) = many0(preceded(keyword("and"), cut(atom))).parse(i)?;
    list.insert(0, first);
    Ok((i, if list.len() == 1 { list.remove(0) } else { Expr::And(list) }))
}

// atom = "(" , or_expr , ")" | test ;
fn atom(i: &str) -> Res<'_, Expr> {
    alt((delimited(ws(char('(')), or_expr, cut(ws(char(')')))), test)).parse(i)
}

// test = path , ( comparison | membership | presence ) ;
fn test(i: &str) -> Res<'_, Expr> {
    let (i, _) = multispace0(i)?;
    let (rest, path) = path(i)?;
    if let Ok((rest2, op)) = ws(operator).parse(rest) {
        return comparison(path, op, rest2);
    }
    if let Ok((rest2, _)) = keyword("in").parse(rest) {
        return membership(path, rest2);
    }
    presence(path, i, rest)
}

// comparison = operator , literal ;
fn comparison(path: Path, op: Op, i: &str) -> Res<'_, Expr> {
    let (path, ty) = match (path.field, path.kind.main) {
        (Some(f), _) => (path, f.ty),
        (None, Some(main)) => match path.kind.field(main) {
            Some(f) => (Path { kind: path.kind, field: Some(f) }, f.ty),
            None => return fail(i, format!("`{}` has no value to compare", path.kind.name)),
        },
        (None, None) => {
            return fail(
                i,
                format!("`{}` has no value to compare: name it alone, as a test of presence", path.kind.name),
            );
        }
    };
    let Ok((rest, lit)) = ws(literal).parse(i) else {
        return fail(i, format!("a number or a word must follow `{}`", op.as_str()));
    };
    let value = match (ty, lit) {
        (Ty::Number, Literal::Number(n)) => Literal::Number(n),
        (Ty::Number, Literal::Word(w)) => return fail(i, format!("`{path}` is a number, not `{w}`")),
        (Ty::Ordinal(names) | Ty::Word(names), Literal::Word(w)) => {
            if !names.contains(&w.as_str()) {
                return fail(i, format!("`{w}` is not a value of `{path}`; values: {}", names.join(", ")));
            }
            if op.ordering() && matches!(ty, Ty::Word(_)) {
                return fail(i, format!("`{path}` has no order: use ==, != or in"));
            }
            Literal::Word(w)
        }
        (Ty::Ordinal(names) | Ty::Word(names), Literal::Number(_)) => {
            return fail(i, format!("`{path}` takes a word: {}", names.join(", ")));
        }
        (Ty::Bool, _) => return fail(i, format!("`{path}` is true or false: name it alone")),
    };
    Ok((rest, Expr::Compare { path, op, value }))
}

// membership = "in" , "[" , word , { "," , word } , "]" ;
fn membership(path: Path, i: &str) -> Res<'_, Expr> {
    let (path, names) = match (path.field, path.kind.main.and_then(|m| path.kind.field(m))) {
        (Some(f), _) | (None, Some(f)) => match f.ty {
            Ty::Ordinal(names) | Ty::Word(names) => (Path { kind: path.kind, field: Some(f) }, names),
            _ => return fail(i, format!("`{path}` is not a word: `in` takes words")),
        },
        (None, None) => return fail(i, format!("`{}` has no value to test with `in`", path.kind.name)),
    };
    let (rest, words) =
        cut(delimited(ws(char('[')), separated_list1(ws(char(',')), ws(recognize(word))), ws(char(']'))))
            .parse(i)?;
    for w in &words {
        if !names.contains(w) {
            // `w` is a slice of `i`: point at it, not at an earlier word containing it.
            let offset = (w.as_ptr() as usize).saturating_sub(i.as_ptr() as usize);
            let at = i.get(offset..).unwrap_or(i);
            return fail(at, format!("`{w}` is not a value of `{path}`; values: {}", names.join(", ")));
        }
    }
    Ok((rest, Expr::In { path, words: words.into_iter().map(str::to_owned).collect() }))
}

// presence = ? nothing: a kind alone, or a true/false field ? ;
fn presence<'a>(path: Path, at: &'a str, rest: &'a str) -> Res<'a, Expr> {
    match path.field {
        None => Ok((rest, Expr::Present { path })),
        Some(f) if matches!(f.ty, Ty::Bool) => Ok((rest, Expr::Present { path })),
        Some(_) => {
            // Point at what stands where the operator should be ("wind.level ≥ 6").
            let next = rest.trim_start();
            let at = if next.is_empty()
                || next.starts_with(')')
                || keyword("and").parse(next).is_ok()
                || keyword("or").parse(next).is_ok()
            {
                at
            } else {
                next
            };
            fail(
                at,
                format!(
                    "`{path}` needs a comparison: an operator (>=, >, <=, <, ==, !=) or `in`, such as `{path} >= …`"
                ),
            )
        }
    }
}

// path = word , [ "." , word ] ;
fn path(i: &str) -> Res<'_, Path> {
    let (rest, k) = word(i)?;
    if ["and", "or", "in"].contains(&k) {
        return Err(nom::Err::Error(Fail { at: i, message: None }));
    }
    let Some(kind) = kind_named(k) else {
        let names: Vec<&str> = KINDS.iter().map(|k| k.name).collect();
        // Name the whole word as written ("nhiệt", not the letters before the first accent).
        let token = i.split(|c: char| c.is_whitespace() || "<>=!.[](),".contains(c)).next().unwrap_or(k);
        return fail(i, format!("unknown kind `{token}`; kinds: {}", names.join(", ")));
    };
    let Ok((after, f)) = preceded(char::<&str, Fail<'_>>('.'), word).parse(rest) else {
        return Ok((rest, Path { kind, field: None }));
    };
    match kind.field(f) {
        Some(field) => Ok((after, Path { kind, field: Some(field) })),
        None => {
            let names = kind.field_names();
            let at = rest.get(1..).unwrap_or(rest);
            fail(at, format!("`{k}` has no field `{f}`; fields: {}", names.join(", ")))
        }
    }
}

// operator = ">=" | "<=" | "==" | "!=" | ">" | "<" ;
fn operator(i: &str) -> Res<'_, Op> {
    alt((
        tag(">=").map(|_| Op::Ge),
        tag("<=").map(|_| Op::Le),
        tag("==").map(|_| Op::Eq),
        tag("!=").map(|_| Op::Ne),
        tag(">").map(|_| Op::Gt),
        tag("<").map(|_| Op::Lt),
    ))
    .parse(i)
}

// literal = number | word ;
fn literal(i: &str) -> Res<'_, Literal> {
    alt((number.map(Literal::Number), word.map(|w| Literal::Word(w.to_owned())))).parse(i)
}

// number = [ "-" ] , digit , { digit } , [ "." , digit , { digit } ] ;
fn number(i: &str) -> Res<'_, f64> {
    let (rest, text) = recognize((opt(char('-')), digit1, opt((char('.'), digit1)))).parse(i)?;
    match text.parse::<f64>() {
        Ok(n) => Ok((rest, n)),
        Err(_) => fail(i, format!("`{text}` is not a number")),
    }
}

// word = letter , { letter | digit | "_" } ;
fn word(i: &str) -> Res<'_, &str> {
    recognize((
        take_while1(|c: char| c.is_ascii_alphabetic()),
        take_while(|c: char| c.is_ascii_alphanumeric() || c == '_'),
    ))
    .parse(i)
}

// ---------------------------------------------------------------------------------------------
// Evaluation

/// A fact that satisfied a test, and how.
#[derive(Debug, Clone)]
pub struct Hit<'f> {
    pub fact: &'f Fact,
    /// The test, as written (`wind.gust >= 8`, `hazard in [tornado, lightning]`, `thunderstorm`).
    pub test: String,
    /// The fact's value that was compared (`9`, `12-14`, `heavy`), when the test compares one.
    pub value: Option<String>,
    /// How far past the threshold the fact is: the distance from the threshold to the compared
    /// side, relative to the threshold (steps of the vocabulary for words); 0 for tests that
    /// compare nothing. Used to tell an escalation from a repeat.
    pub magnitude: f64,
}

impl Expr {
    /// Whether the condition holds over `facts`; the evidence goes to `hits`.
    pub fn eval<'f>(&self, facts: &[&'f Fact], hits: &mut Vec<Hit<'f>>) -> bool {
        match self {
            Expr::Or(list) => {
                let mut any = false;
                for e in list {
                    any |= e.eval(facts, hits);
                }
                any
            }
            Expr::And(list) => {
                let mark = hits.len();
                for e in list {
                    if !e.eval(facts, hits) {
                        hits.truncate(mark);
                        return false;
                    }
                }
                true
            }
            _ => {
                let before = hits.len();
                for &fact in facts {
                    if let Some(hit) = self.test_fact(fact) {
                        hits.push(hit);
                    }
                }
                hits.len() > before
            }
        }
    }

    /// A single test against one fact.
    fn test_fact<'f>(&self, fact: &'f Fact) -> Option<Hit<'f>> {
        let path = match self {
            Expr::Compare { path, .. } | Expr::In { path, .. } | Expr::Present { path } => path,
            _ => return None,
        };
        if fact.kind() != path.kind.name {
            return None;
        }
        let val = match path.field {
            Some(f) => (f.get)(fact),
            None => return Some(Hit { fact, test: self.to_string(), value: None, magnitude: 0.0 }),
        };
        let val = val?;
        let (ok, shown, magnitude) = match (self, val) {
            (Expr::Present { .. }, Val::Bool(b)) => (b, None, 0.0),
            (Expr::Compare { op, value: Literal::Number(t), .. }, Val::Num { lo, hi, below, above }) => {
                // An open end counts as its known end, exclusive: "trên 35" is > 35, "dưới 1"
                // is < 1.
                let ok = match op {
                    Op::Ge => hi >= *t,
                    Op::Gt => hi > *t || (above && hi >= *t),
                    Op::Le => lo <= *t,
                    Op::Lt => lo < *t || (below && lo <= *t),
                    Op::Eq => lo <= *t && *t <= hi,
                    Op::Ne => !(lo <= *t && *t <= hi),
                };
                // How far past the threshold, relative to it, so that tests on different
                // scales (levels, millimetres) can be compared for escalation.
                let scale = t.abs().max(1.0);
                let magnitude = match op {
                    Op::Ge | Op::Gt => (hi - t) / scale,
                    Op::Le | Op::Lt => (t - lo) / scale,
                    Op::Eq | Op::Ne => 0.0,
                };
                let shown = match (lo == hi, below, above) {
                    (true, true, _) => format!("<{}", crate::alert::fmt_num(lo)),
                    (true, _, true) => format!(">{}", crate::alert::fmt_num(lo)),
                    (true, _, _) => crate::alert::fmt_num(lo),
                    _ => format!("{}-{}", crate::alert::fmt_num(lo), crate::alert::fmt_num(hi)),
                };
                (ok, Some(shown), magnitude)
            }
            (Expr::Compare { op, value: Literal::Word(w), .. }, Val::Ranks(mask)) => {
                let names = match path.field.map(|f| f.ty) {
                    Some(Ty::Ordinal(n)) => n,
                    _ => return None,
                };
                let t = names.iter().position(|x| x == w)?;
                let hi = (31 - mask.leading_zeros()) as usize;
                let lo = mask.trailing_zeros() as usize;
                let (ok, side) = match op {
                    Op::Ge => (hi >= t, hi),
                    Op::Gt => (hi > t, hi),
                    Op::Le => (lo <= t, lo),
                    Op::Lt => (lo < t, lo),
                    Op::Eq => (mask & (1 << t) != 0, t),
                    Op::Ne => (mask & !(1 << t) != 0, lo),
                };
                let shown = names.get(side).map(|s| (*s).to_owned());
                // Steps past the threshold word, as for numbers (relative to one step).
                #[allow(clippy::cast_precision_loss)]
                let magnitude = match op {
                    Op::Ge | Op::Gt => side as f64 - t as f64,
                    Op::Le | Op::Lt => t as f64 - side as f64,
                    Op::Eq | Op::Ne => 0.0,
                };
                (ok, shown, magnitude)
            }
            (Expr::Compare { op, value: Literal::Word(w), .. }, Val::Word(v)) => {
                let ok = match op {
                    Op::Eq => v == w,
                    Op::Ne => v != w,
                    _ => false,
                };
                (ok, Some(v.to_owned()), 0.0)
            }
            (Expr::In { words, .. }, Val::Word(v)) => (words.iter().any(|w| w == v), Some(v.to_owned()), 0.0),
            (Expr::In { words, .. }, Val::Ranks(mask)) => {
                let names = match path.field.map(|f| f.ty) {
                    Some(Ty::Ordinal(n)) => n,
                    _ => return None,
                };
                let found = names
                    .iter()
                    .enumerate()
                    .find(|(n, name)| mask & (1 << n) != 0 && words.iter().any(|w| w == *name));
                (found.is_some(), found.map(|(_, n)| (*n).to_owned()), 0.0)
            }
            _ => (false, None, 0.0),
        };
        ok.then(|| Hit { fact, test: self.to_string(), value: shown, magnitude })
    }

    /// The kinds the condition names.
    pub fn kinds(&self) -> Vec<&'static str> {
        let mut out = Vec::new();
        self.visit(&mut |e| match e {
            Expr::Compare { path, .. } | Expr::In { path, .. } | Expr::Present { path } => {
                out.push(path.kind.name)
            }
            _ => {}
        });
        out.sort_unstable();
        out.dedup();
        out
    }

    fn visit<'s>(&'s self, f: &mut impl FnMut(&'s Expr)) {
        f(self);
        if let Expr::Or(list) | Expr::And(list) = self {
            for e in list {
                e.visit(f);
            }
        }
    }

    /// The comparisons of the condition, in the order written.
    pub fn comparisons(&self) -> Vec<&Expr> {
        let mut out = Vec::new();
        self.visit(&mut |e| {
            if matches!(e, Expr::Compare { .. }) {
                out.push(e);
            }
        });
        out
    }

    /// Replaces the threshold of the first comparison on `path` (or the first comparison when
    /// `path` is `None`); false when there is none.
    fn set_threshold(&mut self, path: Option<&str>, new: &Literal) -> bool {
        match self {
            Expr::Or(list) | Expr::And(list) => list.iter_mut().any(|e| e.set_threshold(path, new)),
            Expr::Compare { path: p, value, .. } if path.is_none_or(|want| p.to_string() == want) => {
                *value = new.clone();
                true
            }
            _ => false,
        }
    }
}

impl fmt::Display for Expr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let list = |f: &mut fmt::Formatter<'_>, list: &[Expr], sep: &str, paren: bool| -> fmt::Result {
            for (n, e) in list.iter().enumerate() {
                if n > 0 {
                    write!(f, " {sep} ")?;
                }
                if paren && matches!(e, Expr::Or(_)) { write!(f, "({e})")? } else { write!(f, "{e}")? }
            }
            Ok(())
        };
        match self {
            Expr::Or(l) => list(f, l, "or", false),
            Expr::And(l) => list(f, l, "and", true),
            Expr::Compare { path, op, value } => write!(f, "{path} {} {value}", op.as_str()),
            Expr::In { path, words } => write!(f, "{path} in [{}]", words.join(", ")),
            Expr::Present { path } => write!(f, "{path}"),
        }
    }
}

/// Checks that `value` suits the comparison on `path` in `expr` (for overrides).
pub(crate) fn override_threshold(expr: &mut Expr, path: Option<&str>, value: &Literal) -> Result<(), String> {
    let target = expr.comparisons().into_iter().find_map(|e| match e {
        Expr::Compare { path: p, op, .. } if path.is_none_or(|want| p.to_string() == want) => Some((*p, *op)),
        _ => None,
    });
    let Some((p, op)) = target else {
        return Err(match path {
            Some(want) => format!("the rule has no threshold on `{want}`"),
            None => "the rule has no threshold to change".to_owned(),
        });
    };
    // Re-parse the comparison with the new value: the same checks as in a rules file.
    let text = format!("{p} {} {value}", op.as_str());
    parse_rule(&text).map_err(|e| e.message)?;
    expr.set_threshold(path, value);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bulletin::{Qualifiers, Span, Wind};

    fn fact(body: FactBody) -> Fact {
        Fact { body, span: Span(0, 1), text: "x".into(), qualifiers: Qualifiers::default() }
    }

    fn wind(level: Option<(f64, f64)>, gust: Option<(f64, Option<f64>)>) -> Fact {
        fact(FactBody::Wind(Box::new(Wind {
            level: level.map(|(a, b)| Range::new(Some(a), Some(b))),
            gust: gust.map(|(a, b)| Range::new(Some(a), b)),
            ..Wind::default()
        })))
    }

    fn holds(rule: &str, facts: &[Fact]) -> bool {
        let expr = parse_rule(rule).unwrap_or_else(|e| panic!("{rule}: {e}"));
        let refs: Vec<&Fact> = facts.iter().collect();
        expr.eval(&refs, &mut Vec::new())
    }

    #[test]
    fn ranges_compare_by_their_worst_side() {
        let w = [wind(Some((5.0, 6.0)), None)];
        assert!(holds("wind.level >= 6", &w));
        assert!(!holds("wind.level > 6", &w));
        assert!(holds("wind.level <= 5", &w));
        assert!(holds("wind.level == 5.5", &w));
        // An open gust range "giật trên cấp 8" counts as its known end.
        let g = [wind(None, Some((8.0, None)))];
        assert!(holds("wind.gust >= 8", &g));
        assert!(!holds("wind.gust >= 9", &g));
        assert!(!holds("wind.level >= 1", &g));
    }

    #[test]
    fn open_ends_are_exclusive() {
        let under = [fact(FactBody::Visibility { km: Range::new(None, Some(1.0)) })];
        assert!(holds("visibility.km < 1", &under));
        assert!(holds("visibility.km <= 1", &under));
        assert!(!holds("visibility.km < 0.5", &under));
        let over = [fact(FactBody::Temperature {
            bound: Some(crate::bulletin::Bound::High),
            celsius: Range::new(Some(35.0), None),
        })];
        assert!(holds("temperature.high > 35", &over));
        assert!(holds("temperature.high >= 35", &over));
        assert!(!holds("temperature.high >= 36", &over));
    }

    #[test]
    fn vocabularies_compare_by_order() {
        let rain = [fact(FactBody::Rain {
            form: RainForm::Rain,
            intensity: vec![Intensity::Moderate, Intensity::Heavy],
        })];
        assert!(holds("rain.intensity >= heavy", &rain));
        assert!(holds("rain >= heavy", &rain));
        assert!(!holds("rain >= very_heavy", &rain));
        assert!(holds("rain.intensity <= moderate", &rain));
        assert!(holds("rain.intensity in [heavy, very_heavy]", &rain));
        let sea = [fact(FactBody::SeaState { state: SeaState::VeryRough })];
        assert!(holds("sea_state >= very_rough", &sea));
        assert!(!holds("sea_state >= high", &sea));
    }

    #[test]
    fn and_or_presence() {
        let facts = [
            fact(FactBody::Thunderstorm {}),
            fact(FactBody::Hazard { hazard: HazardKind::Tornado, level: None }),
        ];
        assert!(holds("thunderstorm and hazard in [tornado, hail]", &facts));
        assert!(!holds("thunderstorm and hazard == hail", &facts));
        assert!(holds("(wind.level >= 6 or thunderstorm) and hazard", &facts));
        assert!(!holds("cyclone", &facts));
    }

    #[test]
    fn errors_point_at_the_column() {
        let cases = [
            ("wind.levl >= 6", 6, "no field `levl`"),
            ("wnd.level >= 6", 1, "unknown kind `wnd`"),
            ("rain.intensity >= heavvy", 19, "`heavvy` is not a value"),
            ("wind.level >= 6 and", 20, "ends too early"),
            ("sky.cover >= cloudy", 14, "has no order"),
            ("wind.level >= heavy", 15, "is a number"),
            ("wind.level", 1, "needs a comparison"),
            ("wind.level ≥ 6", 12, "needs a comparison"),
            ("wind.level >= -", 15, "must follow `>=`"),
            ("hazard in [hail, ha]", 18, "`ha` is not a value"),
            ("nhiệt.độ >= 3", 1, "unknown kind `nhiệt`"),
            ("hazard in [tornado, hial]", 21, "`hial` is not a value"),
            ("(thunderstorm", 14, "ends too early"),
            ("thunderstorm wind", 14, "unexpected `w`"),
        ];
        for (text, column, needle) in cases {
            match parse_rule(text) {
                Ok(e) => panic!("{text} parsed as {e}"),
                Err(e) => {
                    assert!(e.message.contains(needle), "{text}: {e}");
                    assert_eq!(e.column, column, "{text}: {e}\n{}", e.pointer(text));
                }
            }
        }
    }

    #[test]
    fn display_round_trips() {
        for text in
            ["wind.level >= 6 or wind.gust >= 8", "(thunderstorm or rain >= heavy) and hazard in [tornado]"]
        {
            let e = parse_rule(text).unwrap();
            let again = parse_rule(&e.to_string()).unwrap();
            assert_eq!(e.to_string(), again.to_string());
        }
    }

    #[test]
    fn every_kind_has_its_main_field() {
        for k in KINDS {
            if let Some(main) = k.main {
                assert!(k.field(main).is_some(), "{}", k.name);
            }
        }
    }
}
