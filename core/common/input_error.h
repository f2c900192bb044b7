#pragma once
// The one error type for bad input: a file, a place in it and what was expected there.
// The CLI prints what() as one line and exits non-zero; the GUI shows it in a dialog.

#include <QString>
#include <stdexcept>

namespace ts {

class InputError : public std::runtime_error {
public:
    // line <= 0 means "the whole file"; field may be empty when the problem is not one field.
    InputError(QString file, int line, QString field, QString message);

    const QString &file() const { return m_file; }
    int line() const { return m_line; }
    const QString &field() const { return m_field; }
    const QString &message() const { return m_message; }
    // "FILE:LINE: field 'X': message" — the form a user can paste into an editor's go-to-line.
    QString describe() const;

private:
    QString m_file;
    int m_line;
    QString m_field;
    QString m_message;
};

} // namespace ts
