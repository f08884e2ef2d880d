//! Python bindings of baogao (issue 6): the native module `baogao._baogao`.
//!
//! The binding is deliberately thin. Every analysis runs in the core crate; this module only
//! converts Python inputs into Rust strings, maps [`baogao::Error`] onto Python exceptions,
//! keeps Rust panics from ever reaching Python, and releases the GIL for batches. Results cross
//! the boundary as the core's `baogao/1` JSON string ([`baogao::Report::to_json`]); the Python
//! package (`python/baogao/`) turns that into typed, read-only views lazily.
//!
//! Python `str` objects may hold lone surrogates (text read with `errors="surrogateescape"`).
//! Such code points cannot be UTF-8, so each is replaced by U+FFFD: one code point for one code
//! point, so every character offset in the report still indexes the caller's string.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, OnceLock};

use pyo3::create_exception;
use pyo3::exceptions::{PyException, PyOSError, PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyByteArray, PyBytes, PyList, PyString};
use rayon::prelude::*;

create_exception!(
    baogao,
    BaogaoError,
    PyException,
    "Base class of every error raised (or, from analyze_batch, returned) by baogao."
);
create_exception!(
    baogao,
    RubricError,
    BaogaoError,
    "A rubric that does not parse or validate; `line` and `column` (1-based) say where."
);
create_exception!(
    baogao,
    DecodeError,
    BaogaoError,
    "Bytes that are not text in the given or detected encoding; `byte` is the offset."
);

/// The result of one analysis as it crosses into Python: the `baogao/1` JSON, the decoded text
/// when the input was bytes (else `None`: the caller keeps its own string), and the encoding.
type Analysis = (String, Option<String>, Option<&'static str>);

/// An error in Rust form, so that it can be made while the GIL is released.
enum Failure {
    Core(Box<baogao::Error>),
    Input(String),
    Panic(String),
}

impl Failure {
    fn into_pyerr(self, py: Python<'_>) -> PyErr {
        match self {
            Failure::Core(e) => core_error(py, &e),
            Failure::Input(msg) => with_attrs(py, BaogaoError::new_err(msg), "input", None),
            Failure::Panic(msg) => with_attrs(
                py,
                BaogaoError::new_err(format!(
                    "internal error in baogao (please report it): {msg}"
                )),
                "internal",
                None,
            ),
        }
    }
}

/// Sets the attributes every baogao exception carries (`kind`, `line`, `column`, `file`,
/// `byte`). Setting an attribute on a fresh exception cannot fail in practice; if it did, the
/// exception is still raised without it.
fn with_attrs(
    py: Python<'_>,
    err: PyErr,
    kind: &str,
    location: Option<&baogao::Location>,
) -> PyErr {
    let value = err.value(py);
    let _ = value.setattr("kind", kind);
    if let Some(l) = location {
        let _ = value.setattr("line", l.line);
        let _ = value.setattr("column", l.column);
        let _ = value.setattr("file", l.file.as_deref());
        let _ = value.setattr("byte", l.byte);
    }
    err
}

/// Maps the core's error onto the Python exception hierarchy.
fn core_error(py: Python<'_>, e: &baogao::Error) -> PyErr {
    let msg = e.to_string();
    let (err, kind) = match e.kind() {
        baogao::ErrorKind::Rubric => (RubricError::new_err(msg), "rubric"),
        baogao::ErrorKind::Decode => (DecodeError::new_err(msg), "decode"),
        _ => (BaogaoError::new_err(msg), "invalid-input"),
    };
    with_attrs(py, err, kind, e.location())
}

/// Whether the test hook is armed (checked first, so normal runs never take the lock).
static TEST_PANIC_ON: AtomicBool = AtomicBool::new(false);

/// Text for which the test hook makes analysis panic (see `_set_test_panic`).
fn test_panic_marker() -> &'static Mutex<Option<String>> {
    static MARKER: OnceLock<Mutex<Option<String>>> = OnceLock::new();
    MARKER.get_or_init(|| Mutex::new(None))
}

/// Runs `f`, turning a panic into a [`Failure::Panic`] with the panic's message.
fn guarded<T>(f: impl FnOnce() -> Result<T, Failure>) -> Result<T, Failure> {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(r) => r,
        Err(payload) => {
            let msg = payload
                .downcast_ref::<&str>()
                .map(|s| (*s).to_owned())
                .or_else(|| payload.downcast_ref::<String>().cloned())
                .unwrap_or_else(|| "panic".to_owned());
            Err(Failure::Panic(msg))
        }
    }
}

/// Analyses `text` and serialises the report, with the panic guard around both.
fn run(text: &str, options: &baogao::Options) -> Result<String, Failure> {
    guarded(|| {
        let hook = if TEST_PANIC_ON.load(Ordering::Relaxed) {
            test_panic_marker()
                .lock()
                .map(|m| m.clone())
                .unwrap_or(None)
        } else {
            None
        };
        if let Some(marker) = hook {
            if !marker.is_empty() && text.contains(&marker) {
                panic!("test hook: input contains {marker:?}");
            }
        }
        let report = baogao::analyze_with(text, options);
        Ok(report.to_json(text))
    })
}

/// Bytes from a Python `str` encoded with `surrogatepass` back to a `String`, each lone
/// surrogate (three bytes `ED A0..BF 80..BF`) becoming one U+FFFD. Any other invalid byte,
/// which `surrogatepass` never produces, also becomes one U+FFFD.
fn repair_surrogates(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let (good, bad) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(good).unwrap_or_default());
                out.push('\u{FFFD}');
                let skip = match bad {
                    [0xED, b1, b2, ..] if (0xA0..=0xBF).contains(b1) && (*b2 & 0xC0) == 0x80 => 3,
                    _ => e.error_len().unwrap_or(bad.len()).max(1),
                };
                rest = bad.get(skip..).unwrap_or_default();
            }
        }
    }
    out
}

/// A Python `str` as a Rust `String` (lone surrogates → U+FFFD, one for one).
fn str_text(s: &Bound<'_, PyString>) -> PyResult<String> {
    match s.to_cow() {
        Ok(t) => Ok(t.into_owned()),
        Err(_) => {
            let encoded = s.call_method1("encode", ("utf-8", "surrogatepass"))?;
            let bytes = encoded.cast::<PyBytes>()?;
            Ok(repair_surrogates(bytes.as_bytes()))
        }
    }
}

/// An input as text: a `str` is taken as is; `bytes`/`bytearray` are decoded by the core
/// (UTF-8, BOM, UTF-16 with BOM, GB18030). Returns the text and, for bytes, the encoding.
enum Input {
    Text(String),
    Decoded(String, &'static str),
}

fn read_input(obj: &Bound<'_, PyAny>, encoding: Option<&str>) -> Result<Input, Failure> {
    if let Ok(s) = obj.cast::<PyString>() {
        return str_text(s)
            .map(Input::Text)
            .map_err(|e| Failure::Input(e.to_string()));
    }
    let bytes: Vec<u8> = if let Ok(b) = obj.cast::<PyBytes>() {
        b.as_bytes().to_vec()
    } else if let Ok(b) = obj.cast::<PyByteArray>() {
        b.to_vec()
    } else {
        let ty = obj
            .get_type()
            .name()
            .map(|n| n.to_string())
            .unwrap_or_else(|_| "?".to_owned());
        return Err(Failure::Input(format!("expected str or bytes, not {ty}")));
    };
    decode_bytes(&bytes, encoding)
}

fn decode_bytes(bytes: &[u8], encoding: Option<&str>) -> Result<Input, Failure> {
    guarded(|| {
        baogao::decode::decode(bytes, encoding)
            .map(|d| Input::Decoded(d.text, d.encoding))
            .map_err(|e| Failure::Core(Box::new(e)))
    })
}

/// The analysis options for a Python `rubric` argument: `None`/`"auto"` (choose per
/// document), `"none"` (no scoring), a built-in rubric's name, or a [`Rubric`].
fn options(rubric: Option<&Bound<'_, PyAny>>) -> PyResult<baogao::Options> {
    let opts = baogao::Options::new();
    let Some(r) = rubric else { return Ok(opts) };
    if r.is_none() {
        return Ok(opts);
    }
    if let Ok(r) = r.cast::<Rubric>() {
        return Ok(opts.rubric(r.get().inner.clone()));
    }
    if let Ok(name) = r.extract::<String>() {
        return match name.as_str() {
            "auto" => Ok(opts),
            "none" => Ok(opts.no_rubric()),
            _ => match baogao::Rubric::builtin(&name) {
                Some(b) => Ok(opts.rubric(b)),
                None => Err(unknown_rubric(r.py(), &name)),
            },
        };
    }
    Err(PyTypeError::new_err(
        "rubric must be None, a Rubric, or a str ('auto', 'none' or a built-in name)",
    ))
}

fn unknown_rubric(py: Python<'_>, name: &str) -> PyErr {
    core_error(
        py,
        &baogao::Error::new(
            baogao::ErrorKind::InvalidInput,
            format!(
                "unknown rubric {name:?}: the built-ins are {}",
                baogao::rubric::builtin_names().join(", ")
            ),
        ),
    )
}

/// A checklist rubric (a built-in, or one loaded from TOML).
#[pyclass(module = "baogao", frozen)]
struct Rubric {
    inner: baogao::Rubric,
}

#[pymethods]
impl Rubric {
    /// Parses a rubric from TOML source; `name` names it in error messages.
    #[staticmethod]
    #[pyo3(signature = (source, name=None))]
    fn from_toml(py: Python<'_>, source: &str, name: Option<&str>) -> PyResult<Rubric> {
        guarded(|| baogao::Rubric::from_toml(source, name).map_err(|e| Failure::Core(Box::new(e))))
            .map(|inner| Rubric { inner })
            .map_err(|f| f.into_pyerr(py))
    }

    /// Reads and parses a rubric file (TOML, UTF-8).
    #[staticmethod]
    fn from_file(py: Python<'_>, path: std::path::PathBuf) -> PyResult<Rubric> {
        let source = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
        let name = path.display().to_string();
        let source = match String::from_utf8(source) {
            Ok(s) => s,
            Err(e) => {
                let at = e.utf8_error().valid_up_to();
                let err = baogao::Error::new(
                    baogao::ErrorKind::Decode,
                    format!("{name}: a rubric file must be UTF-8; invalid byte at {at}"),
                )
                .at(baogao::Location::at_byte(at));
                return Err(core_error(py, &err));
            }
        };
        Rubric::from_toml(py, &source, Some(&name))
    }

    /// A built-in rubric by name (see `baogao.rubrics()`).
    #[staticmethod]
    fn builtin(py: Python<'_>, name: &str) -> PyResult<Rubric> {
        baogao::Rubric::builtin(name)
            .map(|inner| Rubric { inner })
            .ok_or_else(|| unknown_rubric(py, name))
    }

    /// The rubric's id (`work-summary`, …).
    #[getter]
    fn id(&self) -> String {
        self.inner.id.clone()
    }

    fn __repr__(&self) -> String {
        format!("Rubric({:?})", self.inner.id)
    }
}

fn io_error(path: &std::path::Path, e: std::io::Error) -> PyErr {
    use std::io::ErrorKind as K;
    let msg = format!("{}: {e}", path.display());
    match e.kind() {
        K::NotFound => pyo3::exceptions::PyFileNotFoundError::new_err(msg),
        K::PermissionDenied => pyo3::exceptions::PyPermissionError::new_err(msg),
        _ => PyOSError::new_err(msg),
    }
}

/// The names of the built-in rubrics.
#[pyfunction]
fn rubrics() -> Vec<&'static str> {
    baogao::rubric::builtin_names().to_vec()
}

/// Decodes bytes as the CLI does: `(text, encoding)`.
#[pyfunction]
#[pyo3(signature = (data, encoding=None))]
fn decode(py: Python<'_>, data: &[u8], encoding: Option<&str>) -> PyResult<(String, &'static str)> {
    match decode_bytes(data, encoding).map_err(|f| f.into_pyerr(py))? {
        Input::Decoded(text, enc) => Ok((text, enc)),
        Input::Text(text) => Ok((text, "UTF-8")),
    }
}

/// Analyses one `str` (or `bytes`, decoded): `(json, decoded_text_or_None, encoding_or_None)`.
#[pyfunction]
#[pyo3(signature = (text, rubric=None))]
fn analyze_json(
    py: Python<'_>,
    text: &Bound<'_, PyAny>,
    rubric: Option<&Bound<'_, PyAny>>,
) -> PyResult<Analysis> {
    let opts = options(rubric)?;
    let input = match read_input(text, None) {
        Err(Failure::Input(msg)) => return Err(PyTypeError::new_err(msg)),
        other => other.map_err(|f| f.into_pyerr(py))?,
    };
    one(py, input, &opts)
}

fn one(py: Python<'_>, input: Input, opts: &baogao::Options) -> PyResult<Analysis> {
    let (text, decoded) = match input {
        Input::Text(t) => (t, None),
        Input::Decoded(t, enc) => (t, Some(enc)),
    };
    let json = py
        .detach(|| run(&text, opts))
        .map_err(|f| f.into_pyerr(py))?;
    Ok(match decoded {
        Some(enc) => (json, Some(text), Some(enc)),
        None => (json, None, None),
    })
}

/// Reads a file, decodes it (UTF-8, BOM, UTF-16, GB18030; or `encoding`) and analyses it.
#[pyfunction]
#[pyo3(signature = (path, encoding=None, rubric=None))]
fn analyze_file_json(
    py: Python<'_>,
    path: std::path::PathBuf,
    encoding: Option<&str>,
    rubric: Option<&Bound<'_, PyAny>>,
) -> PyResult<Analysis> {
    let opts = options(rubric)?;
    let bytes = std::fs::read(&path).map_err(|e| io_error(&path, e))?;
    let input = decode_bytes(&bytes, encoding).map_err(|f| {
        let err = f.into_pyerr(py);
        let _ = err.value(py).setattr("file", path.display().to_string());
        err
    })?;
    one(py, input, &opts)
}

/// A rayon pool per requested thread count (`None`: one thread per CPU), kept for the life of
/// the process. Pools are keyed by process id too: after `fork()` (multiprocessing, Spark's
/// Python workers) a child inherits the parent's pools without their threads, so it builds its
/// own instead of waiting forever on threads that do not exist.
fn pool(threads: Option<usize>) -> Result<Arc<rayon::ThreadPool>, String> {
    type Pools = HashMap<(u32, usize), Arc<rayon::ThreadPool>>;
    static POOLS: OnceLock<Mutex<Pools>> = OnceLock::new();
    let threads = threads.unwrap_or_else(|| {
        std::thread::available_parallelism().map_or(1, std::num::NonZeroUsize::get)
    });
    let key = (std::process::id(), threads);
    let pools = POOLS.get_or_init(|| Mutex::new(HashMap::new()));
    let mut pools = pools.lock().map_err(|e| e.to_string())?;
    if let Some(p) = pools.get(&key) {
        return Ok(p.clone());
    }
    let p = Arc::new(
        rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("baogao-{i}"))
            .build()
            .map_err(|e| e.to_string())?,
    );
    pools.insert(key, p.clone());
    Ok(p)
}

/// Analyses many inputs in parallel with the GIL released. Returns a list in input order whose
/// entries are either `(json, decoded_text_or_None, encoding_or_None)` or a `BaogaoError`
/// instance (not raised) with `index` set to the input's position.
#[pyfunction]
#[pyo3(signature = (texts, rubric=None, threads=None))]
fn analyze_batch_json<'py>(
    py: Python<'py>,
    texts: &Bound<'py, PyList>,
    rubric: Option<&Bound<'py, PyAny>>,
    threads: Option<usize>,
) -> PyResult<Bound<'py, PyList>> {
    let opts = options(rubric)?;
    if threads == Some(0) {
        return Err(PyValueError::new_err(
            "threads must be at least 1 (or None)",
        ));
    }
    // Copy every input into Rust while holding the GIL; decoding bytes happens in parallel.
    enum Job {
        Text(String),
        Bytes(Vec<u8>),
        Bad(String),
    }
    let jobs: Vec<Job> = texts
        .iter()
        .map(|obj| {
            if let Ok(s) = obj.cast::<PyString>() {
                match str_text(s) {
                    Ok(t) => Job::Text(t),
                    Err(e) => Job::Bad(e.to_string()),
                }
            } else if let Ok(b) = obj.cast::<PyBytes>() {
                Job::Bytes(b.as_bytes().to_vec())
            } else if let Ok(b) = obj.cast::<PyByteArray>() {
                Job::Bytes(b.to_vec())
            } else {
                let ty = obj
                    .get_type()
                    .name()
                    .map(|n| n.to_string())
                    .unwrap_or_else(|_| "?".to_owned());
                Job::Bad(format!("expected str or bytes, not {ty}"))
            }
        })
        .collect();
    type Done = (String, Option<(String, &'static str)>);
    let work = |job: Job| -> Result<Done, Failure> {
        match job {
            Job::Text(t) => run(&t, &opts).map(|json| (json, None)),
            Job::Bytes(b) => match decode_bytes(&b, None)? {
                Input::Decoded(t, enc) => run(&t, &opts).map(|json| (json, Some((t, enc)))),
                Input::Text(t) => run(&t, &opts).map(|json| (json, Some((t, "UTF-8")))),
            },
            Job::Bad(msg) => Err(Failure::Input(msg)),
        }
    };
    let results: Result<Vec<_>, String> = py.detach(|| {
        let p = pool(threads)?;
        Ok(p.install(|| jobs.into_par_iter().map(work).collect::<Vec<_>>()))
    });
    let results = results.map_err(|e| BaogaoError::new_err(format!("thread pool: {e}")))?;
    let out = PyList::empty(py);
    for (i, r) in results.into_iter().enumerate() {
        match r {
            Ok((json, None)) => {
                out.append((json, None::<String>, None::<&str>))?;
            }
            Ok((json, Some((text, enc)))) => {
                out.append((json, text, enc))?;
            }
            Err(f) => {
                let err = f.into_pyerr(py);
                let value = err.value(py).clone();
                let _ = value.setattr("index", i);
                out.append(value)?;
            }
        }
    }
    Ok(out)
}

/// Test hook: while `marker` is set (not `None`/empty), analysing a text that contains it
/// panics inside the core call, so tests can check that no `PanicException` escapes.
#[pyfunction]
#[pyo3(signature = (marker=None))]
fn _set_test_panic(marker: Option<String>) {
    TEST_PANIC_ON.store(
        marker.as_deref().is_some_and(|m| !m.is_empty()),
        Ordering::Relaxed,
    );
    if let Ok(mut m) = test_panic_marker().lock() {
        *m = marker;
    }
}

/// The native module, re-exported by the `baogao` Python package.
#[pymodule]
#[pyo3(name = "_baogao")]
fn native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    // Class-level defaults, so every instance has the attributes even when not located.
    let base = py.get_type::<BaogaoError>();
    for attr in ["kind", "line", "column", "file", "byte", "index"] {
        base.setattr(attr, py.None())?;
    }
    m.add("BaogaoError", base)?;
    m.add("RubricError", py.get_type::<RubricError>())?;
    m.add("DecodeError", py.get_type::<DecodeError>())?;
    m.add_class::<Rubric>()?;
    m.add_function(wrap_pyfunction!(rubrics, m)?)?;
    m.add_function(wrap_pyfunction!(decode, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_file_json, m)?)?;
    m.add_function(wrap_pyfunction!(analyze_batch_json, m)?)?;
    m.add_function(wrap_pyfunction!(_set_test_panic, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
