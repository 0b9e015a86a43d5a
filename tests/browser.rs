//! Browser tests: the widget mounted in a real document by wasm-bindgen-test in headless
//! Chromium (`cargo test --target wasm32-unknown-unknown --test browser`).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mounted() -> web_sys::Element {
    parallax::view::start();
    let document = web_sys::window().unwrap().document().unwrap();
    let el = document.create_element("parallax-compare").unwrap();
    document.body().unwrap().append_child(&el).unwrap();
    el
}

#[wasm_bindgen_test]
fn element_mounts_a_shadow_root_listing_every_document() {
    let el = mounted();
    let root = el
        .shadow_root()
        .expect("the element attaches a shadow root");
    let items = root.query_selector_all("li.document").unwrap();
    assert_eq!(
        items.length() as usize,
        parallax::Corpus::embedded().documents.len()
    );
}

#[wasm_bindgen_test]
fn widget_styles_stay_inside_the_shadow_root() {
    let el = mounted();
    let document = web_sys::window().unwrap().document().unwrap();
    assert_eq!(
        document.style_sheets().length(),
        0,
        "no stylesheet leaks into the page"
    );
    let root = el.shadow_root().unwrap();
    let sheets = root.adopted_style_sheets();
    assert_eq!(sheets.length(), 1);
    let _: web_sys::CssStyleSheet = sheets.get(0).dyn_into().unwrap();
}
