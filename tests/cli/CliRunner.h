#pragma once

#include <QProcess>
#include <QProcessEnvironment>
#include <QTemporaryDir>
#include <QTest>

// Runs the real wpworkos binary with its own profile folder, as a user would from a shell.
struct CliResult
{
    int exitCode = -1;
    QString out;
    QString err;
};

class CliRunner
{
public:
    CliRunner() { m_env.insert(QStringLiteral("WPWORKOS_DATA_DIR"), m_dir.path()); }

    CliResult run(const QStringList &args, const QByteArray &stdinData = {}, bool closeStdin = true)
    {
        QProcess p;
        p.setProcessEnvironment(m_env);
        p.start(QStringLiteral(WPWORKOS_BIN), args);
        if (!p.waitForStarted(10000))
            qFatal("wpworkos did not start");
        if (!stdinData.isEmpty())
            p.write(stdinData);
        if (closeStdin)
            p.closeWriteChannel();
        if (!p.waitForFinished(60000))
            qFatal("wpworkos did not finish");
        CliResult r;
        r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2; // -2: crashed
        r.out = QString::fromUtf8(p.readAllStandardOutput());
        r.err = QString::fromUtf8(p.readAllStandardError());
        return r;
    }

    QString dataDir() const { return m_dir.path(); }
    QProcessEnvironment environment() const { return m_env; }
    void setEnv(const QString &name, const QString &value) { m_env.insert(name, value); }

private:
    QTemporaryDir m_dir;
    QProcessEnvironment m_env = QProcessEnvironment::systemEnvironment();
};
