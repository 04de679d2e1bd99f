//! Tauri commands, one module per area. Each is a thin adapter: validate the arguments, lock
//! the state, call one core function, map the error.

pub mod actions;
pub mod answers;
pub mod app;
pub mod assessments;
pub mod backup;
pub mod checklists;
pub mod compare;
pub mod contributions;
pub mod dto;
pub mod evidence;
pub mod exchange;
pub mod organisations;
pub mod report;
pub mod settings;
mod validate;
pub mod zoom;
