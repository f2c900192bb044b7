#pragma once
// A thin RAII layer over the HDF5 C API: handles that close themselves, and typed helpers for the
// few shapes the study store uses (string/int/double attributes, 1-D datasets). Failures throw
// ts::InputError naming the file and the HDF5 path, never print HDF5's error stack.

#include <QString>
#include <hdf5.h>
#include <cstdint>
#include <optional>
#include <vector>

namespace ts::h5 {

class Handle {
public:
    Handle() = default;
    explicit Handle(hid_t id) : m_id(id) {}
    Handle(const Handle &) = delete;
    Handle &operator=(const Handle &) = delete;
    Handle(Handle &&other) noexcept : m_id(other.release()) {}
    Handle &operator=(Handle &&other) noexcept;
    ~Handle() { reset(); }

    hid_t get() const { return m_id; }
    bool valid() const { return m_id >= 0; }
    hid_t release();
    void reset();

private:
    hid_t m_id = -1;
};

// Turns HDF5's automatic error printing off for the process: errors are reported as exceptions.
void silenceErrorStack();

// `file` only labels errors.
class File {
public:
    static File create(const QString &path);  // truncates
    static File openReadOnly(const QString &path);
    hid_t id() const { return m_handle.get(); }
    const QString &path() const { return m_path; }
    void flush();

private:
    File(QString path, Handle h) : m_path(std::move(path)), m_handle(std::move(h)) {}
    QString m_path;
    Handle m_handle;
};

Handle createGroup(const File &file, hid_t parent, const QString &name);
Handle openGroup(const File &file, hid_t parent, const QString &name);
bool hasLink(hid_t parent, const QString &name);
std::vector<QString> childNames(const File &file, hid_t group);

void writeAttribute(const File &file, hid_t obj, const QString &name, const QString &value);
void writeAttribute(const File &file, hid_t obj, const QString &name, int64_t value);
void writeAttribute(const File &file, hid_t obj, const QString &name, double value);
QString readStringAttribute(const File &file, hid_t obj, const QString &where, const QString &name);
int64_t readIntAttribute(const File &file, hid_t obj, const QString &where, const QString &name);
double readDoubleAttribute(const File &file, hid_t obj, const QString &where, const QString &name);
bool hasAttribute(hid_t obj, const QString &name);

template <typename T>
void writeVector(const File &file, hid_t group, const QString &name, const std::vector<T> &values);
template <typename T>
std::vector<T> readVector(const File &file, hid_t group, const QString &where, const QString &name);

} // namespace ts::h5
