//! Tauri commands, one module per area. Each is a thin adapter: validate the arguments, lock
//! the state, call one core function, map the error.

pub mod app;
pub mod assessments;
pub mod dto;
