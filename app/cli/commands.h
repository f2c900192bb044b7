#pragma once
// Each subcommand of transferscope-cli lives in its own file and has this shape:
// it receives the arguments after its name and returns the process exit code.

#include <QStringList>

namespace ts::cli {

using CommandFn = int (*)(const QStringList &args);

struct Command {
    const char *name;
    const char *summary;
    CommandFn run;
};

} // namespace ts::cli
