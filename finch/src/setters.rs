//! The chainable setters of request builders and option structs, declared by their signatures.
//!
//! Every request struct has one setter per optional field (`CONTRIBUTING.md`), as do the option
//! structs (`BulkOptions`, `WaitOptions`, `RosterOptions`); they differ only in what they take and
//! where they store it, so [`setters!`] writes them from a one-line declaration. A setter that
//! does more than store its argument (builds a nested value, keeps the field `None` for an empty
//! list, wraps a closure, ...) is written by hand beside the macro, with a comment saying why.

/// Writes chainable setters (`pub fn name(mut self, ...) -> Self`), one per entry. Each entry is
/// the setter's doc comment and its signature, ended by `;`:
///
/// ```text
/// setters! {
///     /// Sets the page size.
///     limit(limit: u64);                                   // self.limit = Some(limit)
///     /// Sets the benefit's name.
///     description(description: impl Into<String>);         // Some(description.into())
///     /// Lists only documents of these types.
///     types(types: impl IntoIterator<Item = DocumentType>); // Some(collected)
///     /// Lists only these individuals' documents.
///     individual_ids(individual_ids: impl IntoIterator<Item = impl Into<String>>);
///     /// Reads the entity `entity_id`.
///     entity_id;                                           // entity_ids = Some(vec![id])
/// }
/// ```
///
/// - `impl IntoIterator<Item = T>` collects the items into the field's `Vec`, each converted with
///   `Into` (so `T` items fill a `Vec<Option<T>>` too). With `Item = impl Into<String>` the setter
///   is declared `name<I, S>(param: I) where I: IntoIterator<Item = S>, S: Into<String>`, the
///   form of every list of ids in the crate.
/// - `entity_id;` is the `entity_id(id)` setter of the `entity_ids` query field every
///   `/employer/*` request has.
///
/// After the signature, before the `;`:
/// - `=> place`: stores into `self.place` rather than into the field named like the setter
///   (`active(is_active: bool) => is_active`, `legal_name(..) => company.legal_name`,
///   `catch_up(..) => config().catch_up`).
/// - `push place`: adds the argument to the `Vec` in `self.place` (made on first use) instead of
///   replacing the field (`earning(earning: NewEarning) push earnings`).
/// - `bare`: stores the argument itself, not `Some` of it, for a field that is no `Option` (an
///   option with a default: `page_size(page_size: u64) bare`).
/// - `/ clear_name`: the field can be sent as `null` (`Option<Nullable<T>>`, or
///   `Option<Option<T>>`): the setter stores the value, and `clear_name()` stores `null`. Doc
///   comments written just before the `/` document `clear_name`; without them it says "Sends
///   `null` for `name`: the server clears it."
///
/// An entry `/ clear_name => place;` writes only the clearing setter, for a field whose value
/// setter is written by hand.
macro_rules! setters {
    () => {};

    // `entity_id;`
    ($(#[$doc:meta])* entity_id; $($rest:tt)*) => {
        $(#[$doc])*
        pub fn entity_id(mut self, entity_id: impl Into<String>) -> Self {
            self.entity_ids = Some(vec![entity_id.into()]);
            self
        }
        $crate::setters::setters! { $($rest)* }
    };

    // `/ clear_name => place;`
    ($(#[$doc:meta])* / $clear:ident => $($seg:ident $(($($arg:tt)*))?).+; $($rest:tt)*) => {
        $crate::setters::setters! { @clear [$(#[$doc])*] $clear [$($seg $(($($arg)*))?).+] }
        $crate::setters::setters! { $($rest)* }
    };

    // The signatures, most specific first: each becomes `@tail [docs] name [generics]
    // [parameter] [where clause] [the value to store]`, followed by what comes after it.
    (
        $(#[$doc:meta])*
        $name:ident($param:ident: impl IntoIterator<Item = impl Into<String>>)
        $($tail:tt)*
    ) => {
        $crate::setters::setters! {
            @tail [$(#[$doc])*] $name [<I, S>] [$param: I]
            [where I: IntoIterator<Item = S>, S: Into<String>]
            [$param.into_iter().map(Into::into).collect::<Vec<String>>()]
            $($tail)*
        }
    };
    ($(#[$doc:meta])* $name:ident($param:ident: impl IntoIterator<Item = $item:ty>) $($tail:tt)*) => {
        $crate::setters::setters! {
            @tail [$(#[$doc])*] $name [] [$param: impl IntoIterator<Item = $item>] []
            [$param.into_iter().map(Into::into).collect::<Vec<_>>()]
            $($tail)*
        }
    };
    ($(#[$doc:meta])* $name:ident($param:ident: impl Into<$ty:ty>) $($tail:tt)*) => {
        $crate::setters::setters! {
            @tail [$(#[$doc])*] $name [] [$param: impl Into<$ty>] []
            [::core::convert::Into::<$ty>::into($param)]
            $($tail)*
        }
    };
    ($(#[$doc:meta])* $name:ident($param:ident: $ty:ty) $($tail:tt)*) => {
        $crate::setters::setters! {
            @tail [$(#[$doc])*] $name [] [$param: $ty] [] [$param] $($tail)*
        }
    };

    // What follows the signature: `push place`, `bare`, `=> place`, `/ clear_name`, or nothing.
    (
        @tail $doc:tt $name:ident $gen:tt $arg:tt $where:tt $value:tt
        bare; $($rest:tt)*
    ) => {
        $crate::setters::setters! { @fn $doc $name $gen $arg $where bare $value [$name] }
        $crate::setters::setters! { $($rest)* }
    };
    (
        @tail $doc:tt $name:ident $gen:tt $arg:tt $where:tt $value:tt
        push $($seg:ident $(($($a:tt)*))?).+; $($rest:tt)*
    ) => {
        $crate::setters::setters! {
            @fn $doc $name $gen $arg $where push $value [$($seg $(($($a)*))?).+]
        }
        $crate::setters::setters! { $($rest)* }
    };
    (
        @tail $doc:tt $name:ident $gen:tt $arg:tt $where:tt $value:tt
        => $($seg:ident $(($($a:tt)*))?).+ $($(#[$cdoc:meta])* / $clear:ident)?; $($rest:tt)*
    ) => {
        $crate::setters::setters! {
            @set $doc $name $gen $arg $where $value [$($seg $(($($a)*))?).+]
            $([$(#[$cdoc])*] $clear)?
        }
        $crate::setters::setters! { $($rest)* }
    };
    (
        @tail $doc:tt $name:ident $gen:tt $arg:tt $where:tt $value:tt
        $($(#[$cdoc:meta])* / $clear:ident)?; $($rest:tt)*
    ) => {
        $crate::setters::setters! {
            @set $doc $name $gen $arg $where $value [$name] $([$(#[$cdoc])*] $clear)?
        }
        $crate::setters::setters! { $($rest)* }
    };

    // A plain setter, or a nullable one and its clearing setter.
    (@set $doc:tt $name:ident $gen:tt $arg:tt $where:tt $value:tt $place:tt) => {
        $crate::setters::setters! { @fn $doc $name $gen $arg $where set $value $place }
    };
    (@set $doc:tt $name:ident $gen:tt $arg:tt $where:tt $value:tt $place:tt $cdoc:tt $clear:ident) => {
        $crate::setters::setters! { @fn $doc $name $gen $arg $where nullable $value $place }
        $crate::setters::setters! { @clear $cdoc $clear $place }
    };
    (@clear [] $clear:ident [$($place:tt)+]) => {
        $crate::setters::setters! {
            @clear [#[doc = concat!(
                "Sends `null` for `", stringify!($($place)+), "`: the server clears it."
            )]]
            $clear [$($place)+]
        }
    };
    (@clear [$(#[$doc:meta])+] $clear:ident [$($place:tt)+]) => {
        $(#[$doc])+
        pub fn $clear(mut self) -> Self {
            self.$($place)+ = Some($crate::setters::Null::null());
            self
        }
    };

    // The function. `self` is written only here: it is hygienic, so the `self` of the body must
    // come from the same expansion as the `self` parameter.
    (
        @fn [$(#[$doc:meta])*] $name:ident [$($gen:tt)*] [$($arg:tt)*] [$($where:tt)*]
        $how:ident [$value:expr] [$($place:tt)+]
    ) => {
        $(#[$doc])*
        pub fn $name $($gen)* (mut self, $($arg)*) -> Self $($where)* {
            $crate::setters::setters!(@store $how self.$($place)+, $value);
            self
        }
    };
    (@store set $place:expr, $value:expr) => {
        $place = Some($value)
    };
    (@store bare $place:expr, $value:expr) => {
        $place = $value
    };
    (@store nullable $place:expr, $value:expr) => {
        $place = Some(::core::convert::From::from($value))
    };
    (@store push $place:expr, $value:expr) => {
        $place.get_or_insert_with(Vec::new).push(::core::convert::Into::into($value))
    };
}

pub(crate) use setters;

/// The struct of a request that a macro declares (`listing_request!`, `batch_request!`): its
/// attributes (docs and `#[finch_endpoint]`), the derives and `#[non_exhaustive]` every such
/// request has, and its fields, handed over as the caller wrote them.
macro_rules! request_struct {
    ([$($attr:tt)*] $name:ident { $($fields:tt)* }) => {
        $($attr)*
        #[derive(Clone, Debug, Default, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct $name { $($fields)* }
    };
}

pub(crate) use request_struct;

/// A field value that is sent as `null`: what the clearing setters of [`setters!`] store.
pub(crate) trait Null {
    /// The value sent as `null`.
    fn null() -> Self;
}

impl<T> Null for Option<T> {
    fn null() -> Self {
        None
    }
}

impl<T> Null for finch_core::Nullable<T> {
    fn null() -> Self {
        finch_core::Nullable::Null
    }
}

#[cfg(test)]
#[allow(unreachable_pub)] // the setters are `pub`, as on the crate's requests
mod tests {
    use finch_core::Nullable;

    #[derive(Debug, Default, PartialEq)]
    struct Inner {
        flag: Option<bool>,
        maximum: Option<Option<i64>>,
    }

    #[derive(Debug, Default, PartialEq)]
    struct Body {
        name: Option<String>,
        locations: Option<Vec<Option<String>>>,
    }

    #[derive(Debug, Default, PartialEq)]
    struct Request {
        limit: Option<u64>,
        name: Option<String>,
        ids: Option<Vec<String>>,
        sizes: Option<Vec<u8>>,
        history: Option<Vec<Option<u8>>>,
        nullable_history: Option<Nullable<Vec<Option<u8>>>>,
        title: Option<Nullable<String>>,
        end_date: Option<Option<String>>,
        manager: Option<Nullable<String>>,
        is_active: Option<bool>,
        inner: Option<Inner>,
        body: Body,
        items: Option<Vec<u8>>,
        entity_ids: Option<Vec<String>>,
        page_size: u64,
        label: String,
    }

    impl Request {
        fn inner(&mut self) -> &mut Inner {
            self.inner.get_or_insert_with(Inner::default)
        }

        setters! {
            /// Plain.
            limit(limit: u64);
            /// Into.
            name(name: impl Into<String>);
            /// Ids.
            ids(ids: impl IntoIterator<Item = impl Into<String>>);
            /// Items.
            sizes(sizes: impl IntoIterator<Item = u8>);
            /// Items into `Option`s.
            history(values: impl IntoIterator<Item = u8>);
            /// Nullable items.
            nullable_history(values: impl IntoIterator<Item = u8>) / clear_nullable_history;
            /// Nullable.
            title(title: impl Into<String>) / clear_title;
            /// `Option<Option<_>>`, with the clearing setter's own doc.
            end_date(date: impl Into<String>)
            /// Removes the end date.
            / clear_end_date;
            /// Only the clearing setter.
            / clear_manager => manager;
            /// Another field.
            active(is_active: bool) => is_active;
            /// Through a method.
            flag(flag: bool) => inner().flag;
            /// `impl Into<Option<_>>` through a method.
            maximum(cents: impl Into<Option<i64>>) => inner().maximum;
            /// A nested field.
            body_name(name: impl Into<String>) => body.name;
            /// Adds to a nested list of `Option`s.
            location(location: String) push body.locations;
            /// Adds.
            item(item: u8) push items;
            /// Entity.
            entity_id;
            /// A field that is no `Option`.
            page_size(page_size: u64) bare;
            /// The same, converted.
            label(label: impl Into<String>) bare;
        }
    }

    #[test]
    fn every_form_stores_where_it_says() {
        let request = Request::default()
            .limit(3)
            .name("n")
            .ids(["a", "b"])
            .sizes([1])
            .history([2])
            .nullable_history([3])
            .title("t")
            .end_date("2025-12-31")
            .active(true)
            .flag(false)
            .maximum(None)
            .body_name("b")
            .location("here".to_owned())
            .location("there".to_owned())
            .item(4)
            .entity_id("e")
            .page_size(50)
            .label("l");
        assert_eq!(
            request,
            Request {
                limit: Some(3),
                name: Some("n".to_owned()),
                ids: Some(vec!["a".to_owned(), "b".to_owned()]),
                sizes: Some(vec![1]),
                history: Some(vec![Some(2)]),
                nullable_history: Some(Nullable::Value(vec![Some(3)])),
                title: Some(Nullable::Value("t".to_owned())),
                end_date: Some(Some("2025-12-31".to_owned())),
                manager: None,
                is_active: Some(true),
                inner: Some(Inner {
                    flag: Some(false),
                    maximum: Some(None),
                }),
                body: Body {
                    name: Some("b".to_owned()),
                    locations: Some(vec![Some("here".to_owned()), Some("there".to_owned())]),
                },
                items: Some(vec![4]),
                entity_ids: Some(vec!["e".to_owned()]),
                page_size: 50,
                label: "l".to_owned(),
            }
        );
    }

    #[test]
    fn clearing_setters_store_null() {
        let request = Request::default()
            .title("t")
            .clear_title()
            .clear_nullable_history()
            .clear_end_date()
            .clear_manager();
        assert_eq!(request.title, Some(Nullable::Null));
        assert_eq!(request.nullable_history, Some(Nullable::Null));
        assert_eq!(request.end_date, Some(None));
        assert_eq!(request.manager, Some(Nullable::Null));
    }
}
