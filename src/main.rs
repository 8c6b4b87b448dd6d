//! The `jobwise` binary: see `jobwise --help`.

fn main() -> std::process::ExitCode {
    jobwise::cli::main()
}
