//! What the app does when it cannot start at all: before any window exists there is nowhere
//! to show an error, and a release build on Windows has no console either, so a panic would
//! vanish without a word. Instead the user gets a native message box saying what is missing
//! and what to install, and the process exits with a failure code for scripts and installers.

/// The exit code when the app could not start (any non-zero code means failure to Windows).
pub const FAILED_TO_START: i32 = 1;

const TITLE: &str = "Yardstick cannot start";

/// Where a council's IT team gets the WebView2 runtime when a locked-down image lacks it.
pub const WEBVIEW2_DOWNLOAD: &str = "https://developer.microsoft.com/microsoft-edge/webview2/";

/// Stops the app before it builds a window when the system web view it draws with is
/// missing. On Windows a missing WebView2 runtime otherwise ends in "failed to create window".
pub fn refuse_without_web_view() {
    if let Err(error) = tauri::webview_version() {
        fail(&missing_web_view_message(&error.to_string()));
    }
}

/// Shows why the app stopped and exits: the last resort for an error from Tauri itself.
pub fn fail(message: &str) -> ! {
    show_error(TITLE, message);
    std::process::exit(FAILED_TO_START)
}

/// The message for a missing web view, for this platform, with the error underneath for
/// whoever supports the machine.
pub fn missing_web_view_message(detail: &str) -> String {
    let remedy = if cfg!(windows) {
        format!(
            "Yardstick draws its window with Microsoft Edge WebView2, which is part of Windows 10 and 11 but was not found on this computer.\n\nAsk your IT team to install the \"Evergreen\" WebView2 Runtime from Microsoft ({WEBVIEW2_DOWNLOAD}), or install it yourself if you may, then start Yardstick again.\n\nThe yardstick command-line tool (in the cli folder beside Yardstick.exe) works without it."
        )
    } else {
        "Yardstick draws its window with WebKitGTK 4.1, which was not found on this computer. Install it (on Debian or Ubuntu: sudo apt install libwebkit2gtk-4.1-0) and start Yardstick again.".to_string()
    };
    format!("{remedy}\n\nDetails: {detail}")
}

/// A native message box on Windows, where a release build has no console to print to.
#[cfg(windows)]
fn show_error(title: &str, message: &str) {
    use windows_sys::Win32::UI::WindowsAndMessaging::{MessageBoxW, MB_ICONERROR, MB_OK};
    let wide = |text: &str| -> Vec<u16> { text.encode_utf16().chain(Some(0)).collect() };
    let (title, message) = (wide(title), wide(message));
    // SAFETY: both strings are NUL-terminated UTF-16 that live until the call returns; a
    // null owner window is allowed and makes the box stand alone.
    unsafe {
        MessageBoxW(
            std::ptr::null_mut(),
            message.as_ptr(),
            title.as_ptr(),
            MB_OK | MB_ICONERROR,
        );
    }
}

/// Elsewhere the app is started from a terminal or a launcher that keeps its output.
#[cfg(not(windows))]
fn show_error(title: &str, message: &str) {
    eprintln!("{title}: {message}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_missing_web_view_message_says_what_to_install_and_keeps_the_detail() {
        let message = missing_web_view_message("the system cannot find the file specified");
        // The user (or their IT team) must learn what to install, not read a backtrace.
        if cfg!(windows) {
            assert!(message.contains("WebView2 Runtime") && message.contains(WEBVIEW2_DOWNLOAD));
        } else {
            assert!(message.contains("libwebkit2gtk-4.1-0"), "{message}");
        }
        // Support staff need the underlying error to tell a missing runtime from a broken one.
        assert!(message.ends_with("the system cannot find the file specified"));
    }
}
