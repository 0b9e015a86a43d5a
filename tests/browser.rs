//! Browser tests: the widget mounted in a real document by wasm-bindgen-test in headless
//! Chromium (`cargo test --target wasm32-unknown-unknown --test browser`). What needs a DOM
//! but not the served page: mounting, style isolation, attributes, independent instances.
//! Some tests are for one build only: `--features byo` (the studio: the DOM HTML reader, the
//! editing methods) or without it (the reader: no panel, the methods name the studio).
#![cfg(target_arch = "wasm32")]

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, ShadowRoot};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// A fresh `<parallax-compare>` with `attributes`, mounted in the test page.
fn mounted(attributes: &[(&str, &str)]) -> (Element, ShadowRoot) {
    parallax::view::start();
    let el = document().create_element("parallax-compare").unwrap();
    for (name, value) in attributes {
        el.set_attribute(name, value).unwrap();
    }
    document().body().unwrap().append_child(&el).unwrap();
    let root = el
        .shadow_root()
        .expect("the element attaches a shadow root");
    (el, root)
}

/// `new Event(name, { bubbles: true })`, built through js-sys (no extra web-sys features).
fn bubbling(name: &str) -> web_sys::Event {
    let window = web_sys::window().unwrap();
    let class: js_sys::Function = js_sys::Reflect::get(&window, &"Event".into())
        .unwrap()
        .into();
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    let args = js_sys::Array::of2(&name.into(), &init);
    js_sys::Reflect::construct(&class, &args)
        .unwrap()
        .dyn_into()
        .unwrap()
}

fn texts(root: &ShadowRoot, selector: &str) -> Vec<String> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|n| list.get(n).unwrap().text_content().unwrap_or_default())
        .collect()
}

fn click(root: &ShadowRoot, selector: &str) {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("{selector} is on screen"))
        .dyn_into::<HtmlElement>()
        .unwrap()
        .click();
}

#[wasm_bindgen_test]
fn element_mounts_one_column_per_document() {
    let (_, root) = mounted(&[]);
    let labels: Vec<String> = parallax::Corpus::embedded()
        .documents
        .iter()
        .map(|d| d.label.clone())
        .collect();
    assert_eq!(texts(&root, "[role=region] .column-head .label"), labels);
    assert_eq!(texts(&root, "[role=tab][aria-selected=true]").len(), 2);
}

#[wasm_bindgen_test]
fn widget_styles_stay_inside_the_shadow_root() {
    let (_, root) = mounted(&[]);
    assert_eq!(
        document().style_sheets().length(),
        0,
        "no stylesheet leaks into the page"
    );
    let sheets = root.adopted_style_sheets();
    assert_eq!(sheets.length(), 1);
    let _: web_sys::CssStyleSheet = sheets.get(0).dyn_into().unwrap();
}

#[wasm_bindgen_test]
fn instances_keep_their_own_state() {
    let (_, a) = mounted(&[("question", "energy")]);
    let (_, b) = mounted(&[("question", "energy")]);
    click(&a, "[role=tab][data-q=\"4\"]");
    assert_eq!(
        texts(&a, ".questions [aria-selected=true]"),
        ["Diplomatic backing"]
    );
    assert_eq!(
        texts(&b, ".questions [aria-selected=true]"),
        ["Energy and nuclear cooperation"]
    );
}

#[wasm_bindgen_test]
fn a_bad_attribute_keeps_the_view_and_says_why() {
    let (el, root) = mounted(&[("authors", "Chan Kung")]);
    assert_eq!(texts(&root, "[role=region] .label"), ["Chan Kung"]);
    el.set_attribute("authors", "Nobody At All").unwrap();
    assert_eq!(texts(&root, "[role=region] .label"), ["Chan Kung"]);
    let notice = texts(&root, ".notice p").join(" ");
    assert!(notice.contains("“Nobody At All”"), "{notice}");
    el.remove_attribute("authors").unwrap();
    assert_eq!(texts(&root, "[role=region]").len(), 4);
}

#[wasm_bindgen_test]
fn blind_attribute_names_authors_by_letter() {
    let (el, root) = mounted(&[("blind", "")]);
    assert_eq!(
        texts(&root, "[role=region] .column-head .label"),
        ["Author A", "Author B", "Author C", "Author D"]
    );
    el.remove_attribute("blind").unwrap();
    assert_eq!(
        texts(&root, "[role=region] .column-head .label")[0],
        "Chan Kung"
    );
}

#[wasm_bindgen_test]
fn an_embedded_instance_leaves_the_url_hash_alone() {
    let location = web_sys::window().unwrap().location();
    let before = location.hash().unwrap();
    let (_, root) = mounted(&[]);
    click(&root, "[role=tab][data-q=\"2\"]");
    assert_eq!(
        location.hash().unwrap(),
        before,
        "only a permalink instance writes the hash"
    );
}

#[wasm_bindgen_test]
fn timings_are_published_on_the_element() {
    let (el, root) = mounted(&[]);
    click(&root, "[role=tab][data-q=\"1\"]");
    let timings = js_sys::Reflect::get(&el, &"parallaxTimings".into()).unwrap();
    let first = js_sys::Reflect::get(&timings, &"firstRender".into()).unwrap();
    assert!(first.as_f64().is_some_and(|ms| ms >= 0.0));
    let switches: js_sys::Array = js_sys::Reflect::get(&timings, &"questionSwitch".into())
        .unwrap()
        .into();
    assert_eq!(switches.length(), 1);
}

#[wasm_bindgen_test]
fn hovering_a_shared_phrase_lights_its_twins_and_only_them() {
    // Shared wording comes from the engine; the lighting is the view's: marks that carry the
    // same pair id light up together, whatever passage they sit in.
    let (_, root) = mounted(&[]);
    let panel = root.query_selector(".panel").unwrap().unwrap();
    let mark = |pairs: &str| {
        let m = document().create_element("mark").unwrap();
        m.set_class_name("shared");
        m.set_attribute("data-pairs", pairs).unwrap();
        panel.append_child(&m).unwrap();
        m
    };
    let here = mark("s1 s2");
    let there = mark("s2");
    let elsewhere = mark("s3");
    here.dispatch_event(&bubbling("mouseover")).unwrap();
    let lit = |m: &Element| m.class_list().contains("lit");
    assert!(lit(&here) && lit(&there));
    assert!(!lit(&elsewhere));
    here.dispatch_event(&bubbling("mouseout")).unwrap();
    assert!(!lit(&here) && !lit(&there));
}

/// Calls the element's method `name` with `arg` as a script would.
fn call_method(
    el: &Element,
    name: &str,
    arg: &wasm_bindgen::JsValue,
) -> Result<wasm_bindgen::JsValue, String> {
    let method: js_sys::Function = js_sys::Reflect::get(el, &name.into()).unwrap().into();
    method
        .call1(el, arg)
        .map_err(|e| String::from(js_sys::Error::from(e).message()))
}

#[cfg(feature = "byo")]
#[wasm_bindgen_test]
fn export_method_returns_the_comparison() {
    let (el, _) = mounted(&[]);
    let markdown = call_method(&el, "export", &"markdown".into()).unwrap();
    let title = &parallax::Corpus::embedded().questions[0].title;
    assert!(markdown.as_string().unwrap().contains(title.as_str()));
    let bad = call_method(&el, "export", &"pdf".into()).unwrap_err();
    assert!(bad.contains("markdown, csv or json"), "{bad}");
}

#[cfg(not(feature = "byo"))]
#[wasm_bindgen_test]
fn reader_build_has_no_panel_and_its_script_methods_name_the_studio() {
    let (el, root) = mounted(&[]);
    assert!(root.query_selector("[data-action=byo]").unwrap().is_none());
    for name in ["addText", "addQuestion", "reset", "export"] {
        let why = call_method(&el, name, &js_sys::Object::new()).unwrap_err();
        assert!(
            why.starts_with(&format!("{name} needs the Parallax studio build")),
            "{why}"
        );
    }
    // Nothing was shown to the reader: the message is for the script's author.
    assert!(root.query_selector(".notice").unwrap().is_none());
}

#[cfg(feature = "byo")]
#[wasm_bindgen_test]
fn studio_build_adds_a_text_through_the_element_method() {
    let (el, root) = mounted(&[]);
    assert!(root.query_selector("[data-action=byo]").unwrap().is_some());
    let before = texts(&root, "[role=region]").len();
    let text = js_sys::Object::new();
    for (key, value) in [
        ("title", "A short reply"),
        ("author", "Test Writer"),
        (
            "text",
            "Russia and China are not allies.\n\nThe partnership is one of convenience.",
        ),
    ] {
        js_sys::Reflect::set(&text, &key.into(), &value.into()).unwrap();
    }
    let id = call_method(&el, "addText", &text).unwrap();
    assert!(id.as_string().is_some_and(|id| !id.is_empty()));
    assert_eq!(texts(&root, "[role=region]").len(), before + 1);
    call_method(&el, "reset", &wasm_bindgen::JsValue::NULL).unwrap();
    assert_eq!(texts(&root, "[role=region]").len(), before);
}

/// HTML through the view's reader (the browser's `DOMParser`) and through the native tokenizer.
#[cfg(feature = "byo")]
fn both_readers(page: &str) -> (parallax::import::Imported, parallax::import::Imported) {
    use parallax::import::{text_from_str, text_from_str_with, Format};
    let native = text_from_str("page.html", page, Format::Html).unwrap();
    let dom =
        text_from_str_with("page.html", page, Format::Html, parallax::view::read_html).unwrap();
    (dom, native)
}

#[cfg(feature = "byo")]
#[wasm_bindgen_test]
fn dom_html_reader_agrees_with_the_native_tokenizer_on_articles() {
    // The shapes a saved article has: head metadata, headings, paragraphs with inline markup
    // and entities, lists, a table, preformatted lines, a script, a style, a comment, a form
    // widget, an SVG, a template.
    let pages = [
        "<title>On Trade</title><p>First <b>point</b>.</p><script>x()</script><p>Second.</p>",
        "<!doctype html><html><head><meta charset=utf-8><title> A  &amp; B </title>\
         <meta name=\"Author\" content=\"Ann &quot;A&quot; Lee\"><style>p{}</style></head>\
         <body><h1>Heading</h1><p>One&nbsp;two &lt;three&gt; caf&eacute; &#8212; &#x41;.</p>\
         <!-- a comment --><ul><li>first</li><li>second <i>item</i></li></ul>\
         <table><tr><td>a</td><td>b</td></tr></table><pre>line one\nline two</pre>\
         <div>block<br>after break</div><button>Click</button><svg><text>drawn</text></svg>\
         <template><p>inert</p></template><p>Last.</p></body></html>",
        "<h1>Only a heading title</h1><p>Body text here.</p>",
        "<p>Unclosed <b>bold<p>next paragraph",
    ];
    for page in pages {
        let (dom, native) = both_readers(page);
        assert_eq!(dom, native, "{page}");
    }
}

#[cfg(feature = "byo")]
#[wasm_bindgen_test]
fn dom_html_reader_leaves_no_markup_and_runs_nothing_for_xss_payloads() {
    let list = include_str!("data/xss-payloads.txt");
    let payloads: Vec<&str> = list.lines().filter(|l| !l.is_empty()).collect();
    assert!(payloads.len() >= 30);
    let markup = |s: &str| {
        s.as_bytes()
            .windows(2)
            .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || w[1] == b'/'))
    };
    let window = web_sys::window().unwrap();
    // Instrumented as the e2e tests do: a payload that ran would call one of these.
    js_sys::eval("window.__ran = []; for (const n of ['alert','confirm','prompt']) window[n] = (...a) => window.__ran.push(n);")
        .unwrap();
    for payload in &payloads {
        let page = format!(
            "<html><head><title>T {payload}</title></head><body><p>Before.</p>{payload}<p>After.</p></body></html>"
        );
        let (dom, _) = both_readers(&page);
        assert!(!markup(&dom.text), "{payload} → {}", dom.text);
        // "After." may be gone: an unclosed `<script` swallows the rest, in any browser.
        assert!(dom.text.contains("Before."), "{payload}");
        assert!(!dom.title.as_deref().is_some_and(markup), "{payload}");
    }
    let ran = js_sys::Reflect::get(&window, &"__ran".into()).unwrap();
    assert_eq!(js_sys::Array::from(&ran).length(), 0, "a payload ran");
}

/// build.rs aligns every question natively (x86 floats, glibc's `ln`); the page shows that
/// instead of aligning it itself. Here the wasm engine aligns them too: they must come out the
/// same.
#[wasm_bindgen_test]
fn questions_aligned_at_build_time_are_what_the_wasm_engine_aligns() {
    use parallax::{embedded, marks::Prepared, Corpus, Engine};
    let corpus = Corpus::embedded();
    let paragraphs: Vec<_> = corpus
        .documents
        .iter()
        .map(|d| parallax::segment::paragraphs(&d.text))
        .collect();
    assert_eq!(embedded::paragraphs(), paragraphs);
    let engine = Engine::new(corpus.clone());
    for q in 0..corpus.questions.len() {
        let built = embedded::aligned(q).expect("every embedded question is aligned");
        assert!(!built.alignment.passages.is_empty(), "question {q}");
        assert_eq!(built, Prepared::new(&engine, q), "question {q}");
    }
}
