//! `#[derive(Tree)]`: the two walks of blog-export's tree written once over
//! each type's shape, so that adding a field to a type is one change.
//!
//! For a type of the tree the derive writes:
//!
//! - `crate::ast::IntoOwned`: the same value with `'static` text. A type
//!   with a lifetime (`Post<'a>`) is rebuilt field by field, each field made
//!   owned by its own `IntoOwned`; a type without one holds no borrowed text
//!   and is returned as it is.
//! - `crate::ast::Spans`: `each_span` calls a function on every span the
//!   value holds, visiting every field in order.
//!
//! A field whose type has neither walk does not compile: every type the
//! tree holds must say how it is walked (the crate lists its leaves, such
//! as dates and numbers, in `src/ast/leaves.rs`). The paths are the
//! blog-export crate's own, so the derive is for that crate only.
#![deny(missing_docs)]

use proc_macro::TokenStream;
use proc_macro2::TokenStream as Tokens;
use quote::{format_ident, quote};
use syn::{parse_macro_input, Data, DeriveInput, Fields, Index};

/// Writes `IntoOwned` and `Spans` for a struct or enum of the tree (see the
/// crate's docs).
#[proc_macro_derive(Tree)]
pub fn derive_tree(input: TokenStream) -> TokenStream {
    let input = parse_macro_input!(input as DeriveInput);
    match tree(&input) {
        Ok(tokens) => tokens.into(),
        Err(error) => error.to_compile_error().into(),
    }
}

fn tree(input: &DeriveInput) -> syn::Result<Tokens> {
    let generics = &input.generics;
    let lifetimes = generics.lifetimes().count();
    if generics.type_params().next().is_some()
        || generics.const_params().next().is_some()
        || lifetimes > 1
    {
        return Err(syn::Error::new_spanned(
            generics,
            "Tree: a type of the tree has at most one lifetime and no type parameters",
        ));
    }
    let name = &input.ident;
    let borrowed = lifetimes == 1;
    let this = if borrowed {
        quote!(#name<'_>)
    } else {
        quote!(#name)
    };
    let (owned, into_owned) = if borrowed {
        (quote!(#name<'static>), owned_body(input)?)
    } else {
        (quote!(#name), quote!(self))
    };
    let spans = spans_body(input)?;
    Ok(quote! {
        impl crate::ast::IntoOwned for #this {
            type Owned = #owned;
            fn into_owned(self) -> #owned {
                #into_owned
            }
        }

        impl crate::ast::Spans for #this {
            fn each_span(&mut self, f: &mut dyn FnMut(&mut crate::span::Span)) {
                #spans
            }
        }
    })
}

/// The names a pattern binds to a variant's fields, in order, and the
/// pattern itself (`{ a, b }` or `(x0, x1)`).
fn bindings(fields: &Fields) -> (Vec<syn::Ident>, Tokens) {
    match fields {
        Fields::Named(named) => {
            let names: Vec<_> = named.named.iter().filter_map(|f| f.ident.clone()).collect();
            let pattern = quote!({ #(#names),* });
            (names, pattern)
        }
        Fields::Unnamed(unnamed) => {
            let names: Vec<_> = (0..unnamed.unnamed.len())
                .map(|i| format_ident!("x{i}"))
                .collect();
            let pattern = quote!(( #(#names),* ));
            (names, pattern)
        }
        Fields::Unit => (Vec::new(), Tokens::new()),
    }
}

/// The fields rebuilt from the bound names, each made owned.
fn rebuilt(fields: &Fields, names: &[syn::Ident]) -> Tokens {
    let owned = names
        .iter()
        .map(|n| quote!(crate::ast::IntoOwned::into_owned(#n)));
    match fields {
        Fields::Named(_) => quote!({ #(#names: #owned),* }),
        Fields::Unnamed(_) => quote!(( #(#owned),* )),
        Fields::Unit => Tokens::new(),
    }
}

fn owned_body(input: &DeriveInput) -> syn::Result<Tokens> {
    let name = &input.ident;
    match &input.data {
        Data::Struct(data) => {
            let (names, pattern) = bindings(&data.fields);
            let rebuilt = rebuilt(&data.fields, &names);
            Ok(quote! {
                let #name #pattern = self;
                #name #rebuilt
            })
        }
        Data::Enum(data) => {
            let arms = data.variants.iter().map(|v| {
                let variant = &v.ident;
                let (names, pattern) = bindings(&v.fields);
                let rebuilt = rebuilt(&v.fields, &names);
                quote!(#name::#variant #pattern => #name::#variant #rebuilt)
            });
            Ok(quote!(match self { #(#arms,)* }))
        }
        Data::Union(_) => Err(syn::Error::new_spanned(name, "Tree: no unions")),
    }
}

fn spans_body(input: &DeriveInput) -> syn::Result<Tokens> {
    let name = &input.ident;
    let visit = |names: &[syn::Ident]| {
        let visits = names
            .iter()
            .map(|n| quote!(crate::ast::Spans::each_span(#n, f);));
        quote!(#(#visits)*)
    };
    match &input.data {
        Data::Struct(data) => {
            let places: Vec<Tokens> = match &data.fields {
                Fields::Named(named) => named
                    .named
                    .iter()
                    .filter_map(|f| f.ident.as_ref())
                    .map(|n| quote!(&mut self.#n))
                    .collect(),
                Fields::Unnamed(unnamed) => (0..unnamed.unnamed.len())
                    .map(|i| {
                        let i = Index::from(i);
                        quote!(&mut self.#i)
                    })
                    .collect(),
                Fields::Unit => Vec::new(),
            };
            Ok(quote!(#(crate::ast::Spans::each_span(#places, f);)*))
        }
        Data::Enum(data) => {
            let arms = data.variants.iter().map(|v| {
                let variant = &v.ident;
                let (names, pattern) = bindings(&v.fields);
                let visits = visit(&names);
                quote!(#name::#variant #pattern => { #visits })
            });
            Ok(quote! {
                let _ = &f;
                match self { #(#arms)* }
            })
        }
        Data::Union(_) => Err(syn::Error::new_spanned(name, "Tree: no unions")),
    }
}
