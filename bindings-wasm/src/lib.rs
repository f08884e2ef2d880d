//! WebAssembly bindings (wasm-bindgen): see issue 7.
