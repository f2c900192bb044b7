#include "common/input_error.h"

namespace ts {

static QString compose(const QString &file, int line, const QString &field, const QString &message)
{
    QString out = file.isEmpty() ? QStringLiteral("<input>") : file;
    if (line > 0)
        out += QStringLiteral(":%1").arg(line);
    out += QStringLiteral(": ");
    if (!field.isEmpty())
        out += QStringLiteral("field '%1': ").arg(field);
    return out + message;
}

InputError::InputError(QString file, int line, QString field, QString message)
    : std::runtime_error(compose(file, line, field, message).toStdString()),
      m_file(std::move(file)), m_line(line), m_field(std::move(field)), m_message(std::move(message))
{
}

QString InputError::describe() const
{
    return compose(m_file, m_line, m_field, m_message);
}

} // namespace ts
