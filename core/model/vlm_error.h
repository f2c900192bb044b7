#pragma once
// Typed errors of the libtorch layer. No Qt here: the CLI/GUI turn these into one line / a dialog.
#include <stdexcept>
#include <string>

namespace ts {

// Bad input (a file, a config, a checkpoint): names the file and the field that was wrong.
class CheckpointError : public std::runtime_error {
public:
    CheckpointError(std::string file, std::string field, const std::string& what)
        : std::runtime_error(compose(file, field, what)), file_(std::move(file)), field_(std::move(field)) {}
    const std::string& file() const noexcept { return file_; }
    const std::string& field() const noexcept { return field_; }

private:
    static std::string compose(const std::string& file, const std::string& field, const std::string& what)
    {
        std::string s = file.empty() ? std::string("<memory>") : file;
        if (!field.empty())
            s += ": field '" + field + "'";
        return s + ": " + what;
    }
    std::string file_;
    std::string field_;
};

// Misuse of the model at run time (e.g. wrong number of image placeholders in a prompt).
class ModelInputError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Training had to stop (non-finite loss, bad settings); nothing was written after the failure.
class TrainingError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

} // namespace ts
