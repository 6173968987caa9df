//! Turns a `serde::Serialize` value into the `name=value` pairs of a query string, a header or a
//! path segment: scalars as text, `None` left out, sequences as `name[]`, maps as `name[key]`.

use serde::ser::{self, Impossible, Serialize};
use std::fmt;

/// Why a value could not be written as text.
#[derive(Debug)]
pub(crate) struct FlattenError(pub(crate) String);

impl fmt::Display for FlattenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for FlattenError {}

impl ser::Error for FlattenError {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        FlattenError(msg.to_string())
    }
}

/// How much structure a value may have where it is written.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shape {
    /// Exactly one scalar or nothing (`None`): path segments and headers.
    Scalar,
    /// Scalars, sequences and maps, nested: query strings.
    Nested,
}

/// Flattens `value` into `(key, text)` pairs, where `key` is `name` plus its brackets.
pub(crate) fn flatten<T: Serialize + ?Sized>(
    name: &str,
    value: &T,
    shape: Shape,
) -> Result<Vec<(String, String)>, FlattenError> {
    let mut out = Vec::new();
    value.serialize(Flattener {
        key: name.to_owned(),
        shape,
        out: &mut out,
    })?;
    Ok(out)
}

struct Flattener<'a> {
    key: String,
    shape: Shape,
    out: &'a mut Vec<(String, String)>,
}

impl Flattener<'_> {
    fn push(self, text: String) -> Result<(), FlattenError> {
        self.out.push((self.key, text));
        Ok(())
    }

    fn nested(&self, what: &str) -> Result<(), FlattenError> {
        match self.shape {
            Shape::Nested => Ok(()),
            Shape::Scalar => Err(FlattenError(format!(
                "{what} cannot be written here, only a single value"
            ))),
        }
    }
}

/// Collects the elements of a sequence under `key[]`.
struct SeqFlattener<'a> {
    key: String,
    shape: Shape,
    out: &'a mut Vec<(String, String)>,
}

/// Collects the entries of a map or struct under `key[entry]`.
struct MapFlattener<'a> {
    key: String,
    shape: Shape,
    out: &'a mut Vec<(String, String)>,
    pending_key: Option<String>,
}

macro_rules! display_scalar {
    ($($method:ident: $ty:ty),* $(,)?) => {
        $(fn $method(self, v: $ty) -> Result<(), FlattenError> {
            self.push(v.to_string())
        })*
    };
}

impl<'a> ser::Serializer for Flattener<'a> {
    type Ok = ();
    type Error = FlattenError;
    type SerializeSeq = SeqFlattener<'a>;
    type SerializeTuple = SeqFlattener<'a>;
    type SerializeTupleStruct = SeqFlattener<'a>;
    type SerializeTupleVariant = Impossible<(), FlattenError>;
    type SerializeMap = MapFlattener<'a>;
    type SerializeStruct = MapFlattener<'a>;
    type SerializeStructVariant = Impossible<(), FlattenError>;

    display_scalar!(
        serialize_bool: bool, serialize_i8: i8, serialize_i16: i16, serialize_i32: i32,
        serialize_i64: i64, serialize_i128: i128, serialize_u8: u8, serialize_u16: u16,
        serialize_u32: u32, serialize_u64: u64, serialize_u128: u128, serialize_char: char,
        serialize_str: &str,
    );

    fn serialize_f32(self, v: f32) -> Result<(), FlattenError> {
        self.serialize_f64(f64::from(v))
    }

    fn serialize_f64(self, v: f64) -> Result<(), FlattenError> {
        if v.is_finite() {
            self.push(v.to_string())
        } else {
            Err(FlattenError(format!(
                "{v} is not a number that can be sent"
            )))
        }
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<(), FlattenError> {
        Err(FlattenError("raw bytes cannot be written as text".into()))
    }

    fn serialize_none(self) -> Result<(), FlattenError> {
        Ok(())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), FlattenError> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), FlattenError> {
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), FlattenError> {
        Ok(())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), FlattenError> {
        self.push(variant.to_owned())
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), FlattenError> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), FlattenError> {
        self.nested("an enum variant with data")?;
        value.serialize(Flattener {
            key: format!("{}[{variant}]", self.key),
            shape: self.shape,
            out: self.out,
        })
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<SeqFlattener<'a>, FlattenError> {
        self.nested("a sequence")?;
        Ok(SeqFlattener {
            key: format!("{}[]", self.key),
            shape: self.shape,
            out: self.out,
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<SeqFlattener<'a>, FlattenError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<SeqFlattener<'a>, FlattenError> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, FlattenError> {
        Err(FlattenError(format!(
            "the enum variant `{variant}` with fields cannot be written as text"
        )))
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<MapFlattener<'a>, FlattenError> {
        self.nested("a map")?;
        Ok(MapFlattener {
            key: self.key,
            shape: self.shape,
            out: self.out,
            pending_key: None,
        })
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<MapFlattener<'a>, FlattenError> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, FlattenError> {
        Err(FlattenError(format!(
            "the enum variant `{variant}` with fields cannot be written as text"
        )))
    }
}

impl ser::SerializeSeq for SeqFlattener<'_> {
    type Ok = ();
    type Error = FlattenError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FlattenError> {
        value.serialize(Flattener {
            key: self.key.clone(),
            shape: self.shape,
            out: self.out,
        })
    }

    fn end(self) -> Result<(), FlattenError> {
        Ok(())
    }
}

impl ser::SerializeTuple for SeqFlattener<'_> {
    type Ok = ();
    type Error = FlattenError;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FlattenError> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), FlattenError> {
        Ok(())
    }
}

impl ser::SerializeTupleStruct for SeqFlattener<'_> {
    type Ok = ();
    type Error = FlattenError;

    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FlattenError> {
        ser::SerializeSeq::serialize_element(self, value)
    }

    fn end(self) -> Result<(), FlattenError> {
        Ok(())
    }
}

impl MapFlattener<'_> {
    fn entry<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), FlattenError> {
        value.serialize(Flattener {
            key: format!("{}[{key}]", self.key),
            shape: self.shape,
            out: self.out,
        })
    }
}

impl ser::SerializeMap for MapFlattener<'_> {
    type Ok = ();
    type Error = FlattenError;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), FlattenError> {
        let mut texts = flatten("", key, Shape::Scalar)?;
        match (texts.pop(), texts.is_empty()) {
            (Some((_, text)), true) => {
                self.pending_key = Some(text);
                Ok(())
            }
            _ => Err(FlattenError("a map key must be a single value".into())),
        }
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), FlattenError> {
        let key = self
            .pending_key
            .take()
            .ok_or_else(|| FlattenError("a map value came without its key".into()))?;
        self.entry(&key, value)
    }

    fn end(self) -> Result<(), FlattenError> {
        Ok(())
    }
}

impl ser::SerializeStruct for MapFlattener<'_> {
    type Ok = ();
    type Error = FlattenError;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), FlattenError> {
        self.entry(key, value)
    }

    fn end(self) -> Result<(), FlattenError> {
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::BTreeMap;

    fn pairs<T: Serialize + ?Sized>(name: &str, value: &T) -> Vec<(String, String)> {
        flatten(name, value, Shape::Nested).unwrap()
    }

    fn p(k: &str, v: &str) -> (String, String) {
        (k.to_owned(), v.to_owned())
    }

    #[test]
    fn scalars_options_and_sequences() {
        assert_eq!(pairs("limit", &100u32), vec![p("limit", "100")]);
        assert_eq!(pairs("limit", &None::<u32>), vec![]);
        assert_eq!(pairs("sandbox", &true), vec![p("sandbox", "true")]);
        assert_eq!(
            pairs("ids", &vec!["a", "b"]),
            vec![p("ids[]", "a"), p("ids[]", "b")]
        );
        assert_eq!(pairs("ids", &Some(Vec::<String>::new())), vec![]);
    }

    #[test]
    fn maps_nest_in_brackets() {
        let mut map = BTreeMap::new();
        map.insert("b", vec![1, 2]);
        assert_eq!(pairs("a", &map), vec![p("a[b][]", "1"), p("a[b][]", "2")]);
    }

    #[test]
    fn scalar_shape_refuses_structure() {
        let err = flatten("id", &vec![1], Shape::Scalar).unwrap_err();
        assert!(err.to_string().contains("a sequence"), "{err}");
        assert!(flatten("x", &f64::NAN, Shape::Scalar).is_err());
    }
}
