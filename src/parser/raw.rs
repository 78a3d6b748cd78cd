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

/// Compass points in the order they are written, at most [`Directions::MAX`]
/// (`direction_list` reads no more). A copy, not a list on the heap: items are made and
/// dropped at every phrase, and with nothing to free they need no clean-up code either.
///
/// The points past `len` are always [`Compass::N`], so that equal lists are equal values; the
/// first `len` are a slice of their own (copied out as a fact's in one go: 233.1k -> 232.9k
/// instructions per typical parse, against options taken and flattened one by one).
#[derive(Clone, Copy, PartialEq, Eq)]
pub struct Directions {
    len: u8,
    points: [Compass; Directions::MAX],
}

impl Default for Directions {
    fn default() -> Self {
        Self { len: 0, points: [Compass::N; Directions::MAX] }
    }
}

impl Directions {
    pub const MAX: usize = 4;

    /// The first [`Directions::MAX`] points of `points`.
    pub fn from_slice(points: &[Compass]) -> Self {
        let mut d = Self::default();
        for &p in points {
            d.push(p);
        }
        d
    }

    /// Adds `p` at the end; `false` (and nothing added) when the list is full.
    pub fn push(&mut self, p: Compass) -> bool {
        match self.points.get_mut(usize::from(self.len)) {
            Some(slot) => {
                *slot = p;
                self.len += 1;
                true
            }
            None => false,
        }
    }

    pub fn len(&self) -> usize {
        usize::from(self.len)
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    pub fn last(&self) -> Option<Compass> {
        self.as_slice().last().copied()
    }

    pub fn contains(&self, p: Compass) -> bool {
        self.iter().any(|q| q == p)
    }

    /// The points in the order written.
    pub fn as_slice(&self) -> &[Compass] {
        self.points.get(..self.len()).unwrap_or_default()
    }

    pub fn iter(&self) -> impl Iterator<Item = Compass> + '_ {
        self.as_slice().iter().copied()
    }

    pub fn to_vec(&self) -> Vec<Compass> {
        self.as_slice().to_vec()
    }
}

impl std::fmt::Debug for Directions {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// A set of rain intensities, read in increasing order (a bit for each, by its place in
/// [`Intensities::ORDER`]): a copy, as [`Directions`].
#[derive(Clone, Copy, PartialEq, Eq, Default)]
pub struct Intensities(u8);

impl Intensities {
    /// Every intensity, weakest first: the order of [`Intensity`]'s variants (tested).
    const ORDER: [Intensity; 4] =
        [Intensity::Light, Intensity::Moderate, Intensity::Heavy, Intensity::VeryHeavy];

    fn bit(it: Intensity) -> u8 {
        let at = Self::ORDER.iter().position(|&o| o == it).unwrap_or(0);
        1 << at
    }

    pub fn insert(&mut self, it: Intensity) {
        self.0 |= Self::bit(it);
    }

    pub fn contains(&self, it: Intensity) -> bool {
        self.0 & Self::bit(it) != 0
    }

    pub fn len(&self) -> usize {
        self.0.count_ones() as usize
    }

    pub fn is_empty(&self) -> bool {
        self.0 == 0
    }

    /// The intensities of the set, weakest first.
    pub fn iter(&self) -> impl Iterator<Item = Intensity> + '_ {
        Self::ORDER.into_iter().enumerate().filter(|&(n, _)| self.0 & (1 << n) != 0).map(|(_, it)| it)
    }

    pub fn to_vec(&self) -> Vec<Intensity> {
        // Most rain has none (232.85k -> 232.82k instructions per typical parse).
        if self.is_empty() {
            return Vec::new();
        }
        self.iter().collect()
    }
}

impl FromIterator<Intensity> for Intensities {
    fn from_iter<I: IntoIterator<Item = Intensity>>(iter: I) -> Self {
        let mut set = Self::default();
        for it in iter {
            set.insert(it);
        }
        set
    }
}

impl std::fmt::Debug for Intensities {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// One recognised phrase. A copy (it owns nothing on the heap; see [`Directions`]).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Item {
    Wind {
        monsoon: bool,
        from: Directions,
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
        intensity: Intensities,
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
        /// Where the name is in the normalised line ("bão số 3 Yagi").
        name: Option<(usize, usize)>,
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
        toward: Directions,
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
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Raw {
    pub start: usize,
    pub end: usize,
    pub item: Item,
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::VariantNames;

    #[test]
    fn intensities_in_the_order_of_the_enum() {
        let names: Vec<&str> = Intensities::ORDER.iter().map(|&i| i.into()).collect();
        assert_eq!(names, Intensity::VARIANTS);
        let set: Intensities =
            [Intensity::VeryHeavy, Intensity::Light, Intensity::VeryHeavy].into_iter().collect();
        assert_eq!(set.to_vec(), vec![Intensity::Light, Intensity::VeryHeavy]);
        assert_eq!(set.len(), 2);
    }

    #[test]
    fn directions_keep_their_order_and_stop_at_four() {
        let mut d = Directions::default();
        for p in [Compass::NE, Compass::N, Compass::E, Compass::S, Compass::W] {
            d.push(p);
        }
        assert_eq!(d.to_vec(), vec![Compass::NE, Compass::N, Compass::E, Compass::S]);
        assert_eq!(d.last(), Some(Compass::S));
        assert_eq!(format!("{d:?}"), "[NE, N, E, S]");
    }
}
