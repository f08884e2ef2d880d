//! Python bindings (pyo3): see issue 6.
