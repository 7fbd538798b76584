#pragma once

#include <QJsonObject>
#include <QString>

#include <optional>
#include <utility>

namespace workos {

// A failure the user can act on: `message` is complete, translated and safe to print (never a
// secret). `code` is machine-readable (an HTTP error code or a WordPress error code).
struct Error
{
    QString message;
    QString code;
    int httpStatus = 0;
    // What the refusal names, as the site sent it (WordPress's error `data`: the setting, the
    // parameter, the role…), so a form can point at the field concerned.
    QJsonObject data = {};
};

template <typename T>
class Result
{
public:
    Result(T value) : m_value(std::move(value)) {}          // NOLINT: implicit by design
    Result(Error error) : m_error(std::move(error)) {}      // NOLINT: implicit by design

    bool ok() const { return m_value.has_value(); }
    explicit operator bool() const { return ok(); }
    const T &value() const { return *m_value; }
    T &value() { return *m_value; }
    const T *operator->() const { return &*m_value; }
    const Error &error() const { return m_error; }

private:
    std::optional<T> m_value;
    Error m_error;
};

template <>
class Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_failed(true), m_error(std::move(error)) {} // NOLINT: implicit by design

    bool ok() const { return !m_failed; }
    explicit operator bool() const { return ok(); }
    const Error &error() const { return m_error; }

private:
    bool m_failed = false;
    Error m_error;
};

} // namespace workos
