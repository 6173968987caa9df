//! Deterministic randomness and UUID-shaped identifiers.
//!
//! The stand-in never uses the `rand` crate: a seeded SplitMix64 makes the fixture company and
//! every id it hands out reproducible from the builder's seed.

use std::fmt;

/// SplitMix64 (Steele, Lea and Flood): tiny, fast and good enough for fixture data.
#[derive(Debug, Clone)]
pub(crate) struct SplitMix64 {
    state: u64,
}

impl SplitMix64 {
    pub(crate) fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`0` when `n` is `0`). The modulo bias is irrelevant for fixtures.
    pub(crate) fn below(&mut self, n: u64) -> u64 {
        if n == 0 { 0 } else { self.next_u64() % n }
    }

    /// An index into a slice of length `len`.
    pub(crate) fn index(&mut self, len: usize) -> usize {
        // `usize` always fits in `u64` on supported targets, and the result is `< len`.
        usize::try_from(self.below(len as u64)).unwrap_or(0)
    }

    /// One element of a slice; `None` only when the slice is empty.
    pub(crate) fn pick<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        items.get(self.index(items.len()))
    }

    /// `true` with probability `percent / 100`.
    pub(crate) fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }

    /// A number in `low..=high`.
    pub(crate) fn between(&mut self, low: u64, high: u64) -> u64 {
        low + self.below(high.saturating_sub(low).saturating_add(1))
    }

    /// A random version-4 UUID.
    pub(crate) fn uuid(&mut self) -> Uuid {
        let raw = (u128::from(self.next_u64()) << 64) | u128::from(self.next_u64());
        Uuid::v4_from_bits(raw)
    }
}

/// A number that follows from `seed` and `salt`: per-person values (this period's overtime, the
/// W-4's filing status) are drawn this way when asked for, instead of being stored.
pub(crate) fn mix(seed: u64, salt: u64) -> u64 {
    SplitMix64::new(seed ^ salt.rotate_left(17)).next_u64()
}

/// A UUID kept as 16 bytes and written in the usual `8-4-4-4-12` lower-case hex form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(crate) struct Uuid(pub(crate) u128);

impl Uuid {
    /// Sets the version (4) and variant (RFC 4122) bits, as a random UUID has.
    pub(crate) fn v4_from_bits(raw: u128) -> Self {
        let version_cleared = raw & !(0xF_u128 << 76);
        let variant_cleared = version_cleared & !(0x3_u128 << 62);
        Self(variant_cleared | (0x4_u128 << 76) | (0x2_u128 << 62))
    }

    /// Another version-4 UUID that follows from this one and `salt`, and leads back to it:
    /// `id.derived(salt).derived(salt) == id`. The fixture names things that belong to a person
    /// (their W-4, plan enrollments, dependents) this way, so it finds them again from their id
    /// without storing them.
    pub(crate) fn derived(self, salt: u128) -> Self {
        // Leave the version and variant bits alone, so the result is still a version-4 UUID.
        let keep = !((0xF_u128 << 76) | (0x3_u128 << 62));
        Self(self.0 ^ (salt & keep))
    }

    /// Parses the hyphenated form (either case). Anything else is `None`.
    pub(crate) fn parse(text: &str) -> Option<Self> {
        let bytes = text.as_bytes();
        if bytes.len() != 36 {
            return None;
        }
        let mut value: u128 = 0;
        for (position, &byte) in bytes.iter().enumerate() {
            if matches!(position, 8 | 13 | 18 | 23) {
                if byte != b'-' {
                    return None;
                }
                continue;
            }
            let digit = char::from(byte).to_digit(16)?;
            value = (value << 4) | u128::from(digit);
        }
        Some(Self(value))
    }

    fn write_to(self, out: &mut [u8; 36]) {
        const HEX: &[u8; 16] = b"0123456789abcdef";
        let mut nibble_index = 0_u32;
        for (position, slot) in out.iter_mut().enumerate() {
            if matches!(position, 8 | 13 | 18 | 23) {
                *slot = b'-';
                continue;
            }
            let shift = 124 - 4 * nibble_index;
            let nibble = ((self.0 >> shift) & 0xF) as usize;
            *slot = HEX[nibble];
            nibble_index += 1;
        }
    }
}

impl fmt::Display for Uuid {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut buffer = [0_u8; 36];
        self.write_to(&mut buffer);
        // Only ASCII hex digits and hyphens were written.
        f.write_str(std::str::from_utf8(&buffer).map_err(|_| fmt::Error)?)
    }
}

impl serde::Serialize for Uuid {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splitmix_is_deterministic() {
        let mut a = SplitMix64::new(7);
        let mut b = SplitMix64::new(7);
        for _ in 0..100 {
            assert_eq!(a.next_u64(), b.next_u64());
        }
        assert_ne!(SplitMix64::new(1).next_u64(), SplitMix64::new(2).next_u64());
    }

    #[test]
    fn ranges_hold() {
        let mut rng = SplitMix64::new(3);
        for _ in 0..1000 {
            let n = rng.between(5, 9);
            assert!((5..=9).contains(&n));
            assert!(rng.index(3) < 3);
        }
        assert_eq!(rng.below(0), 0);
        assert_eq!(rng.pick::<u8>(&[]), None);
    }

    #[test]
    fn uuid_round_trips_and_looks_like_v4() {
        let mut rng = SplitMix64::new(42);
        for _ in 0..100 {
            let id = rng.uuid();
            let text = id.to_string();
            assert_eq!(text.len(), 36);
            assert_eq!(&text[14..15], "4");
            assert!(matches!(&text[19..20], "8" | "9" | "a" | "b"), "{text}");
            assert_eq!(Uuid::parse(&text), Some(id));
            assert_eq!(Uuid::parse(&text.to_uppercase()), Some(id));
        }
    }

    #[test]
    fn derived_ids_look_random_and_lead_back() {
        let mut rng = SplitMix64::new(9);
        let id = rng.uuid();
        let salt = 0x0123_4567_89AB_CDEF_FEDC_BA98_7654_3210;
        let derived = id.derived(salt);
        assert_ne!(derived, id);
        assert_eq!(derived.derived(salt), id);
        let text = derived.to_string();
        assert_eq!(&text[14..15], "4");
        assert!(matches!(&text[19..20], "8" | "9" | "a" | "b"), "{text}");
    }

    #[test]
    fn uuid_parse_rejects_junk() {
        for junk in [
            "",
            "not-a-uuid",
            "5d0b10a1-a09a-430f-81f1-20be735dc5e",
            "5d0b10a1-a09a-430f-81f1-20be735dc5e9x",
            "5d0b10a1xa09a-430f-81f1-20be735dc5e9",
            "5d0b10a1-a09a-430f-81f1-20be735dc5eg",
            "../x",
        ] {
            assert_eq!(Uuid::parse(junk), None, "{junk}");
        }
        let fixed = "5d0b10a1-a09a-430f-81f1-20be735dc5e9";
        assert_eq!(
            Uuid::parse(fixed).map(|id| id.to_string()).as_deref(),
            Some(fixed)
        );
    }
}
