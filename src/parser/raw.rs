//! The raw form: what the grammar recognised, near the text, with spans into the normalised
//! line. `build` turns a sentence of these into typed facts.

use crate::bulletin::{
    Bound, ColdSeverity, Compass, Condition, Coverage, CycloneCategory, FogDensity, HazardKind, HeatSeverity,
    Intensity, RainForm, Range, SeaState, SkyCover, Stat,
};

use super::quantity::Value;

/// Which wind quantity a level states.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LevelKind {
    /// "cấp 3-4"
    Plain,
    /// "có lúc cấp 7"
    AtTimes,
    /// "giật cấp 8"
    Gust,
    /// "sau tăng lên cấp 8"
    Later,
    /// "mạnh dần lên cấp 6": the level when none is stated yet, else a later one.
    Rise,
}

/// One recognised phrase.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Wind {
        monsoon: bool,
        from: Vec<Compass>,
        light: bool,
        level: Option<Range>,
        strong: bool,
        /// "gió mạnh dần lên cấp 6-7": the wind strengthens (a wind already named).
        rises: bool,
    },
    Level {
        kind: LevelKind,
        range: Range,
    },
    Value(Value),
    TempWord,
    Bound(Bound),
    HumidityWord(Option<Stat>),
    RainfallWord,
    VisibilityWord,
    WavesWord,
    TideWord,
    Rain {
        form: Option<RainForm>,
        intensity: Vec<Intensity>,
    },
    Thunderstorm,
    Hazard(HazardKind),
    Sky(SkyCover),
    SkyFewToClear,
    Heat(HeatSeverity),
    Cold(ColdSeverity),
    Fog(FogDensity),
    FogDense,
    NoRain,
    SeaState(SeaState),
    Risk {
        level: Option<u8>,
        cause: Option<(usize, usize)>,
    },
    CycloneWord {
        category: CycloneCategory,
        number: Option<u32>,
        name: Option<String>,
    },
    /// "vị trí tâm bão", "vị trí tâm áp thấp nhiệt đới": the category when the phrase names one.
    CyclonePosition(Option<CycloneCategory>),
    Position {
        lat: f64,
        lon: f64,
    },
    /// "sức gió mạnh nhất vùng gần tâm áp thấp nhiệt đới": the category when the phrase names one.
    CycloneStrength(Option<CycloneCategory>),
    Movement {
        toward: Vec<Compass>,
        kmh: Option<Range>,
    },
    Coverage(Coverage),
    Likelihood,
    Condition(Condition),
    Observed,
    When,
    Where,
    Exception,
    /// A trend with no value: "giảm dần", "easing"; `grows` for "mở rộng", "tăng dần".
    Trend {
        grows: bool,
    },
    /// "vùng áp thấp", "low pressure area": a low that is no tropical cyclone (yet).
    LowPressure,
    /// "giảm 3-5 độ": a change, which is no value.
    Change,
    /// "do ảnh hưởng của …": a synoptic cause, which states no fact.
    Cause,
    /// "… chịu tác động của …": impact boilerplate, which states no fact.
    Boilerplate,
    /// Recognised words that carry no fact on their own.
    Filler,
    /// A capitalised name (place, station, storm) inside a sentence.
    Name,
    /// `,` — a clause boundary inside a sentence.
    Comma,
    /// `;` — a stronger clause boundary.
    Semicolon,
    /// A word the grammar does not know.
    Unknown,
}

impl Item {
    /// Items that only qualify or connect, and state nothing themselves.
    pub fn is_neutral(&self) -> bool {
        matches!(
            self,
            Item::Filler
                | Item::Name
                | Item::When
                | Item::Where
                | Item::Observed
                | Item::Unknown
                | Item::Trend { .. }
                | Item::LowPressure
        )
    }

    /// Items that state a phenomenon or a reading, of which a fact is made.
    pub fn produces_fact(&self) -> bool {
        matches!(
            self,
            Item::Wind { .. }
                | Item::Level { .. }
                | Item::Value(_)
                | Item::Rain { .. }
                | Item::Thunderstorm
                | Item::Hazard(_)
                | Item::Sky(_)
                | Item::SkyFewToClear
                | Item::Heat(_)
                | Item::Cold(_)
                | Item::Fog(_)
                | Item::NoRain
                | Item::SeaState(_)
                | Item::Risk { .. }
        )
    }

    /// Items that speak of a storm or depression: its name, position or strength.
    pub fn names_cyclone(&self) -> bool {
        matches!(self, Item::CycloneWord { .. } | Item::CyclonePosition(_) | Item::CycloneStrength(_))
    }
}

/// An item with its span in the normalised line.
#[derive(Debug, Clone, PartialEq)]
pub struct Raw {
    pub start: usize,
    pub end: usize,
    pub item: Item,
}
