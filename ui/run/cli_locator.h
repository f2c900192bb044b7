#pragma once
// Where the workbench finds the transferscope-cli it starts for training: installed or built, the
// two executables sit side by side, so the GUI's own folder is the one place to look. An override
// (TRANSFERSCOPE_CLI in the environment) serves tests and unusual installs.

#include <QString>

namespace ts::ui {

// The absolute path of transferscope-cli, or an empty string when none is found.
QString locateTransferscopeCli();

} // namespace ts::ui
