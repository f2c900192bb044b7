#include "store/hdf5_io.h"

#include "common/input_error.h"

#include <QByteArray>

namespace ts::h5 {

namespace {

[[noreturn]] void fail(const QString &file, const QString &where, const QString &what)
{
    throw InputError(file, 0, where, what);
}

Handle check(hid_t id, const QString &file, const QString &where, const QString &what)
{
    if (id < 0)
        fail(file, where, what);
    return Handle(id);
}

QString joinPath(const QString &where, const QString &name)
{
    return where.endsWith(QLatin1Char('/')) ? where + name : where + QLatin1Char('/') + name;
}

template <typename T> hid_t memoryType();
template <> hid_t memoryType<int32_t>() { return H5T_NATIVE_INT32; }
template <> hid_t memoryType<int8_t>() { return H5T_NATIVE_INT8; }
template <> hid_t memoryType<uint8_t>() { return H5T_NATIVE_UINT8; }
template <> hid_t memoryType<float>() { return H5T_NATIVE_FLOAT; }
template <> hid_t memoryType<double>() { return H5T_NATIVE_DOUBLE; }

// Stored little-endian explicitly so files are the same bytes on every machine.
template <typename T> hid_t fileType();
template <> hid_t fileType<int32_t>() { return H5T_STD_I32LE; }
template <> hid_t fileType<int8_t>() { return H5T_STD_I8LE; }
template <> hid_t fileType<uint8_t>() { return H5T_STD_U8LE; }
template <> hid_t fileType<float>() { return H5T_IEEE_F32LE; }
template <> hid_t fileType<double>() { return H5T_IEEE_F64LE; }

} // namespace

Handle &Handle::operator=(Handle &&other) noexcept
{
    if (this != &other) {
        reset();
        m_id = other.release();
    }
    return *this;
}

hid_t Handle::release()
{
    hid_t id = m_id;
    m_id = -1;
    return id;
}

void Handle::reset()
{
    if (m_id < 0)
        return;
    switch (H5Iget_type(m_id)) {
    case H5I_FILE: H5Fclose(m_id); break;
    case H5I_GROUP: H5Gclose(m_id); break;
    case H5I_DATASET: H5Dclose(m_id); break;
    case H5I_DATASPACE: H5Sclose(m_id); break;
    case H5I_DATATYPE: H5Tclose(m_id); break;
    case H5I_ATTR: H5Aclose(m_id); break;
    case H5I_GENPROP_LST: H5Pclose(m_id); break;
    default: break;
    }
    m_id = -1;
}

void silenceErrorStack()
{
    H5Eset_auto2(H5E_DEFAULT, nullptr, nullptr);
}

File File::create(const QString &path)
{
    silenceErrorStack();
    const QByteArray p = path.toLocal8Bit();
    return File(path, check(H5Fcreate(p.constData(), H5F_ACC_TRUNC, H5P_DEFAULT, H5P_DEFAULT), path, {},
                            QStringLiteral("cannot create HDF5 file")));
}

File File::openReadOnly(const QString &path)
{
    silenceErrorStack();
    const QByteArray p = path.toLocal8Bit();
    if (H5Fis_hdf5(p.constData()) <= 0)
        fail(path, {}, QStringLiteral("not an HDF5 file, or truncated/corrupt"));
    return File(path, check(H5Fopen(p.constData(), H5F_ACC_RDONLY, H5P_DEFAULT), path, {},
                            QStringLiteral("cannot open HDF5 file (truncated or corrupt?)")));
}

void File::flush()
{
    if (H5Fflush(m_handle.get(), H5F_SCOPE_GLOBAL) < 0)
        fail(m_path, {}, QStringLiteral("cannot flush HDF5 file"));
}

Handle createGroup(const File &file, hid_t parent, const QString &name)
{
    const QByteArray n = name.toUtf8();
    return check(H5Gcreate2(parent, n.constData(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT), file.path(), name,
                 QStringLiteral("cannot create group"));
}

Handle openGroup(const File &file, hid_t parent, const QString &name)
{
    if (!hasLink(parent, name))
        fail(file.path(), name, QStringLiteral("missing group"));
    const QByteArray n = name.toUtf8();
    return check(H5Gopen2(parent, n.constData(), H5P_DEFAULT), file.path(), name, QStringLiteral("cannot open group"));
}

bool hasLink(hid_t parent, const QString &name)
{
    const QByteArray n = name.toUtf8();
    return H5Lexists(parent, n.constData(), H5P_DEFAULT) > 0;
}

std::vector<QString> childNames(const File &file, hid_t group)
{
    H5G_info_t info;
    if (H5Gget_info(group, &info) < 0)
        fail(file.path(), {}, QStringLiteral("cannot list group"));
    std::vector<QString> names;
    for (hsize_t i = 0; i < info.nlinks; ++i) {
        const ssize_t len = H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, nullptr, 0, H5P_DEFAULT);
        if (len < 0)
            fail(file.path(), {}, QStringLiteral("cannot read a link name"));
        QByteArray buf(int(len) + 1, '\0');
        H5Lget_name_by_idx(group, ".", H5_INDEX_NAME, H5_ITER_INC, i, buf.data(), size_t(len) + 1, H5P_DEFAULT);
        names.push_back(QString::fromUtf8(buf.constData(), int(len)));
    }
    return names;
}

bool hasAttribute(hid_t obj, const QString &name)
{
    const QByteArray n = name.toUtf8();
    return H5Aexists(obj, n.constData()) > 0;
}

static void writeScalarAttribute(const File &file, hid_t obj, const QString &name, hid_t fileT, hid_t memT,
                                 const void *value)
{
    const QByteArray n = name.toUtf8();
    Handle space = check(H5Screate(H5S_SCALAR), file.path(), name, QStringLiteral("cannot create dataspace"));
    Handle attr = check(H5Acreate2(obj, n.constData(), fileT, space.get(), H5P_DEFAULT, H5P_DEFAULT), file.path(),
                        name, QStringLiteral("cannot create attribute"));
    if (H5Awrite(attr.get(), memT, value) < 0)
        fail(file.path(), name, QStringLiteral("cannot write attribute"));
}

void writeAttribute(const File &file, hid_t obj, const QString &name, const QString &value)
{
    // Fixed-length UTF-8 strings: h5py and HDFView read them as str without extra handling.
    const QByteArray bytes = value.toUtf8();
    Handle type = check(H5Tcopy(H5T_C_S1), file.path(), name, QStringLiteral("cannot create string type"));
    H5Tset_size(type.get(), size_t(std::max<qsizetype>(bytes.size(), 1)));
    H5Tset_strpad(type.get(), H5T_STR_NULLPAD);
    H5Tset_cset(type.get(), H5T_CSET_UTF8);
    QByteArray padded = bytes.isEmpty() ? QByteArray(1, '\0') : bytes;
    writeScalarAttribute(file, obj, name, type.get(), type.get(), padded.constData());
}

void writeAttribute(const File &file, hid_t obj, const QString &name, int64_t value)
{
    writeScalarAttribute(file, obj, name, H5T_STD_I64LE, H5T_NATIVE_INT64, &value);
}

void writeAttribute(const File &file, hid_t obj, const QString &name, double value)
{
    writeScalarAttribute(file, obj, name, H5T_IEEE_F64LE, H5T_NATIVE_DOUBLE, &value);
}

static Handle openAttribute(const File &file, hid_t obj, const QString &where, const QString &name)
{
    if (!hasAttribute(obj, name))
        fail(file.path(), joinPath(where, QStringLiteral("@") + name), QStringLiteral("missing attribute"));
    const QByteArray n = name.toUtf8();
    return check(H5Aopen(obj, n.constData(), H5P_DEFAULT), file.path(), joinPath(where, QStringLiteral("@") + name),
                 QStringLiteral("cannot open attribute"));
}

QString readStringAttribute(const File &file, hid_t obj, const QString &where, const QString &name)
{
    Handle attr = openAttribute(file, obj, where, name);
    Handle type = Handle(H5Aget_type(attr.get()));
    const QString field = joinPath(where, QStringLiteral("@") + name);
    if (H5Tget_class(type.get()) != H5T_STRING)
        fail(file.path(), field, QStringLiteral("expected a string attribute"));
    if (H5Tis_variable_str(type.get()) > 0) {
        // Written by h5py or other tools as variable-length strings.
        Handle memType = Handle(H5Tcopy(H5T_C_S1));
        H5Tset_size(memType.get(), H5T_VARIABLE);
        H5Tset_cset(memType.get(), H5Tget_cset(type.get()));
        char *ptr = nullptr;
        if (H5Aread(attr.get(), memType.get(), &ptr) < 0)
            fail(file.path(), field, QStringLiteral("cannot read attribute"));
        QString out = QString::fromUtf8(ptr ? ptr : "");
        H5free_memory(ptr);
        return out;
    }
    const size_t size = H5Tget_size(type.get());
    QByteArray buf(int(size) + 1, '\0');
    if (H5Aread(attr.get(), type.get(), buf.data()) < 0)
        fail(file.path(), field, QStringLiteral("cannot read attribute"));
    return QString::fromUtf8(buf.constData()); // stops at the first NUL (padding)
}

int64_t readIntAttribute(const File &file, hid_t obj, const QString &where, const QString &name)
{
    Handle attr = openAttribute(file, obj, where, name);
    int64_t value = 0;
    if (H5Aread(attr.get(), H5T_NATIVE_INT64, &value) < 0)
        fail(file.path(), joinPath(where, QStringLiteral("@") + name), QStringLiteral("expected an integer attribute"));
    return value;
}

double readDoubleAttribute(const File &file, hid_t obj, const QString &where, const QString &name)
{
    Handle attr = openAttribute(file, obj, where, name);
    double value = 0;
    if (H5Aread(attr.get(), H5T_NATIVE_DOUBLE, &value) < 0)
        fail(file.path(), joinPath(where, QStringLiteral("@") + name), QStringLiteral("expected a numeric attribute"));
    return value;
}

template <typename T>
void writeVector(const File &file, hid_t group, const QString &name, const std::vector<T> &values)
{
    const hsize_t dims[1] = {hsize_t(values.size())};
    Handle space = check(H5Screate_simple(1, dims, nullptr), file.path(), name, QStringLiteral("cannot create dataspace"));
    const QByteArray n = name.toUtf8();
    Handle set = check(H5Dcreate2(group, n.constData(), fileType<T>(), space.get(), H5P_DEFAULT, H5P_DEFAULT, H5P_DEFAULT),
                       file.path(), name, QStringLiteral("cannot create dataset"));
    if (!values.empty() && H5Dwrite(set.get(), memoryType<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
        fail(file.path(), name, QStringLiteral("cannot write dataset"));
}

template <typename T>
std::vector<T> readVector(const File &file, hid_t group, const QString &where, const QString &name)
{
    const QString field = joinPath(where, name);
    if (!hasLink(group, name))
        fail(file.path(), field, QStringLiteral("missing dataset"));
    const QByteArray n = name.toUtf8();
    Handle set = check(H5Dopen2(group, n.constData(), H5P_DEFAULT), file.path(), field, QStringLiteral("cannot open dataset"));
    Handle space = check(H5Dget_space(set.get()), file.path(), field, QStringLiteral("cannot read dataspace"));
    if (H5Sget_simple_extent_ndims(space.get()) != 1)
        fail(file.path(), field, QStringLiteral("expected a 1-D dataset"));
    hsize_t dims[1] = {0};
    H5Sget_simple_extent_dims(space.get(), dims, nullptr);
    std::vector<T> values(static_cast<size_t>(dims[0]));
    if (!values.empty() && H5Dread(set.get(), memoryType<T>(), H5S_ALL, H5S_ALL, H5P_DEFAULT, values.data()) < 0)
        fail(file.path(), field, QStringLiteral("cannot read dataset (truncated or corrupt?)"));
    return values;
}

#define TS_H5_INSTANTIATE(T)                                                                                   \
    template void writeVector<T>(const File &, hid_t, const QString &, const std::vector<T> &);               \
    template std::vector<T> readVector<T>(const File &, hid_t, const QString &, const QString &);
TS_H5_INSTANTIATE(int32_t)
TS_H5_INSTANTIATE(int8_t)
TS_H5_INSTANTIATE(uint8_t)
TS_H5_INSTANTIATE(float)
TS_H5_INSTANTIATE(double)
#undef TS_H5_INSTANTIATE

} // namespace ts::h5
