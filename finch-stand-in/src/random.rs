//! Random values of any type that implements `serde::Deserialize`, for property tests: the type's
//! own `Deserialize` asks for what it needs (a struct's fields, an option, a string) and gets a
//! random answer, so the values go through exactly the code real replies do.

use super::ids::SplitMix64;
use serde::de::{self, DeserializeOwned, DeserializeSeed, IntoDeserializer, Visitor};
use std::fmt;

/// Why no value could be made (the random data did not fit the type, e.g. a union whose variants
/// all refused it). Try another seed.
#[derive(Debug)]
pub struct RandomValueError(String);

impl fmt::Display for RandomValueError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RandomValueError {}

impl de::Error for RandomValueError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        RandomValueError(msg.to_string())
    }
}

/// A random value of `T`, the same for the same seed.
///
/// Options are `None` about a third of the time, sequences hold up to four items, strings are
/// short (sometimes empty, sometimes non-ASCII), numbers are finite, and nesting stops at a depth.
///
/// ```
/// #[derive(Debug, PartialEq, serde::Deserialize)]
/// struct Person {
///     id: String,
///     middle_name: Option<String>,
///     salary_cents: i64,
///     departments: Vec<String>,
/// }
///
/// let person: Person = finch_stand_in::random_value(7)?;
/// let again: Person = finch_stand_in::random_value(7)?;
/// assert_eq!(person, again);
/// # Ok::<(), finch_stand_in::RandomValueError>(())
/// ```
pub fn random_value<T: DeserializeOwned>(seed: u64) -> Result<T, RandomValueError> {
    let mut rng = SplitMix64::new(seed);
    T::deserialize(Random {
        rng: &mut rng,
        depth: 0,
    })
}

const MAX_DEPTH: u32 = 6;

const WORDS: &[&str] = &[
    "",
    "a",
    "Jane",
    "Doe",
    "401k",
    "every_paycheck",
    "2024-02-29",
    "1970-01-01",
    "usd",
    "ünïcödé",
    "x y",
    "\"quoted\"",
    "line\nbreak",
    "550e8400-e29b-41d4-a716-446655440000",
    "work",
    "personal",
    "active",
    "data_sync_all",
    "w4_2020",
];

struct Random<'a> {
    rng: &'a mut SplitMix64,
    depth: u32,
}

impl<'a> Random<'a> {
    fn nested(&mut self) -> Random<'_> {
        Random {
            rng: self.rng,
            depth: self.depth + 1,
        }
    }

    fn text(&mut self) -> String {
        match self.rng.below(4) {
            0 => format!("{:x}", self.rng.next_u64()),
            _ => WORDS
                .get(self.rng.index(WORDS.len()))
                .copied()
                .unwrap_or("")
                .to_owned(),
        }
    }

    fn int(&mut self) -> i64 {
        match self.rng.below(4) {
            0 => 0,
            1 => self.rng.below(100) as i64,
            2 => -(self.rng.below(1000) as i64),
            _ => (self.rng.next_u64() >> 12) as i64,
        }
    }

    fn length(&mut self) -> usize {
        if self.depth >= MAX_DEPTH {
            0
        } else {
            self.rng.below(5) as usize
        }
    }

    /// Any JSON value, for types that accept anything (`serde_json::Value`, unions).
    fn any<'de, V: Visitor<'de>>(mut self, visitor: V) -> Result<V::Value, RandomValueError> {
        let choices = if self.depth >= MAX_DEPTH { 4 } else { 6 };
        match self.rng.below(choices) {
            0 => visitor.visit_unit(),
            1 => visitor.visit_bool(self.rng.chance(50)),
            2 => visitor.visit_i64(self.int()),
            3 => visitor.visit_string(self.text()),
            4 => {
                let length = self.length();
                visitor.visit_seq(Seq {
                    random: self.nested(),
                    left: length,
                })
            }
            _ => {
                let length = self.length();
                visitor.visit_map(Map {
                    random: self.nested(),
                    keys: None,
                    left: length,
                })
            }
        }
    }
}

macro_rules! random_number {
    ($($method:ident => $visit:ident($value:expr)),* $(,)?) => {
        $(fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RandomValueError> {
            let rng = self.rng;
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            let value = $value(rng);
            visitor.$visit(value)
        })*
    };
}

impl<'de> de::Deserializer<'de> for Random<'_> {
    type Error = RandomValueError;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RandomValueError> {
        self.any(visitor)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RandomValueError> {
        visitor.visit_bool(self.rng.chance(50))
    }

    random_number! {
        deserialize_i8 => visit_i8(|r: &mut SplitMix64| r.next_u64() as i8),
        deserialize_i16 => visit_i16(|r: &mut SplitMix64| r.next_u64() as i16),
        deserialize_i32 => visit_i32(|r: &mut SplitMix64| r.next_u64() as i32),
        deserialize_i64 => visit_i64(|r: &mut SplitMix64| (r.next_u64() >> 11) as i64 - (1 << 52)),
        deserialize_u8 => visit_u8(|r: &mut SplitMix64| r.next_u64() as u8),
        deserialize_u16 => visit_u16(|r: &mut SplitMix64| r.next_u64() as u16),
        deserialize_u32 => visit_u32(|r: &mut SplitMix64| r.next_u64() as u32),
        deserialize_u64 => visit_u64(|r: &mut SplitMix64| r.next_u64() >> 11),
        deserialize_f32 => visit_f32(|r: &mut SplitMix64| (r.next_u64() % 100_000) as f32 / 8.0),
        deserialize_f64 => visit_f64(|r: &mut SplitMix64| (r.next_u64() % 10_000_000) as f64 / 64.0),
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RandomValueError> {
        visitor.visit_char(char::from(b'a' + self.rng.below(26) as u8))
    }

    fn deserialize_str<V: Visitor<'de>>(
        mut self,
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        visitor.visit_string(self.text())
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RandomValueError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(
        mut self,
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        visitor.visit_byte_buf(self.text().into_bytes())
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(
        mut self,
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        if self.depth >= MAX_DEPTH || self.rng.chance(33) {
            visitor.visit_none()
        } else {
            visitor.visit_some(self.nested())
        }
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, RandomValueError> {
        visitor.visit_unit()
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        visitor.visit_unit()
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(
        mut self,
        _: &'static str,
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        visitor.visit_newtype_struct(self.nested())
    }

    fn deserialize_seq<V: Visitor<'de>>(
        mut self,
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        let length = self.length();
        visitor.visit_seq(Seq {
            random: self.nested(),
            left: length,
        })
    }

    fn deserialize_tuple<V: Visitor<'de>>(
        mut self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        visitor.visit_seq(Seq {
            random: self.nested(),
            left: len,
        })
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _: &'static str,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        self.deserialize_tuple(len, visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(
        mut self,
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        let length = self.length();
        visitor.visit_map(Map {
            random: self.nested(),
            keys: None,
            left: length,
        })
    }

    fn deserialize_struct<V: Visitor<'de>>(
        mut self,
        _: &'static str,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        visitor.visit_map(Map {
            random: self.nested(),
            keys: Some(fields),
            left: fields.len(),
        })
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        let variant = variants
            .get(self.rng.index(variants.len()))
            .copied()
            .unwrap_or("");
        visitor.visit_enum(Enum {
            random: self,
            variant,
        })
    }

    fn deserialize_identifier<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(
        self,
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        visitor.visit_unit()
    }
}

struct Seq<'a> {
    random: Random<'a>,
    left: usize,
}

impl<'de> de::SeqAccess<'de> for Seq<'_> {
    type Error = RandomValueError;

    fn next_element_seed<T: DeserializeSeed<'de>>(
        &mut self,
        seed: T,
    ) -> Result<Option<T::Value>, RandomValueError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        seed.deserialize(self.random.nested()).map(Some)
    }
}

/// A struct's fields (every one, so required fields are present) or a map's random keys.
struct Map<'a> {
    random: Random<'a>,
    keys: Option<&'static [&'static str]>,
    left: usize,
}

impl<'de> de::MapAccess<'de> for Map<'_> {
    type Error = RandomValueError;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, RandomValueError> {
        if self.left == 0 {
            return Ok(None);
        }
        self.left -= 1;
        let key = match self.keys {
            Some(fields) => fields
                .get(fields.len() - 1 - self.left)
                .copied()
                .unwrap_or("")
                .to_owned(),
            None => format!("k{}", self.random.rng.below(1000)),
        };
        seed.deserialize(key.into_deserializer()).map(Some)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(
        &mut self,
        seed: V,
    ) -> Result<V::Value, RandomValueError> {
        seed.deserialize(self.random.nested())
    }
}

struct Enum<'a> {
    random: Random<'a>,
    variant: &'static str,
}

impl<'de, 'a> de::EnumAccess<'de> for Enum<'a> {
    type Error = RandomValueError;
    type Variant = Random<'a>;

    fn variant_seed<V: DeserializeSeed<'de>>(
        self,
        seed: V,
    ) -> Result<(V::Value, Random<'a>), RandomValueError> {
        let variant = seed.deserialize(self.variant.into_deserializer())?;
        Ok((variant, self.random))
    }
}

impl<'de> de::VariantAccess<'de> for Random<'_> {
    type Error = RandomValueError;

    fn unit_variant(self) -> Result<(), RandomValueError> {
        Ok(())
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(
        mut self,
        seed: T,
    ) -> Result<T::Value, RandomValueError> {
        seed.deserialize(self.nested())
    }

    fn tuple_variant<V: Visitor<'de>>(
        mut self,
        len: usize,
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        visitor.visit_seq(Seq {
            random: self.nested(),
            left: len,
        })
    }

    fn struct_variant<V: Visitor<'de>>(
        mut self,
        fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, RandomValueError> {
        visitor.visit_map(Map {
            random: self.nested(),
            keys: Some(fields),
            left: fields.len(),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_value_and_variety_across_seeds() {
        let values: Vec<serde_json::Value> =
            (0..50).filter_map(|seed| random_value(seed).ok()).collect();
        assert_eq!(values.len(), 50, "any JSON value is always possible");
        assert_eq!(
            random_value::<serde_json::Value>(3).unwrap(),
            random_value::<serde_json::Value>(3).unwrap()
        );
        let distinct: std::collections::HashSet<String> =
            values.iter().map(|v| v.to_string()).collect();
        assert!(distinct.len() > 25, "{distinct:?}");
    }
}
