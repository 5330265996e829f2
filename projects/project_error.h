// What went wrong with a project, in two registers: a message the user can
// act on, and the driver's own words for the log.
#pragma once

#include <QString>

namespace cosmos::projects {

struct ProjectError {
    enum class Code {
        None,
        NotFound, // no project.sqlite in the folder
        AlreadyExists, // create() on a folder that holds a project
        NotAProject, // an SQLite file of another application
        Corrupt, // not a database, or it fails its integrity check
        NewerVersion, // written by a newer Cosmos Studio
        Locked, // another process has the project open for writing
        MigrationFailed, // rolled back; the file is as it was
        ReadOnly, // a write to a store opened read-only
        Io, // a file could not be written, renamed or read
        Database, // any other SQL failure
        InvalidArgument, // no such row, or a value out of range
    };

    Code code = Code::None;
    QString message; // user-readable: what happened and why
    QString detail; // technical detail (driver text), for the log
    // True when the file was left untouched and a read-only copy may still
    // show (part of) its content.
    bool canOpenReadOnlyCopy = false;

    bool isError() const { return code != Code::None; }
    explicit operator bool() const { return isError(); }

    static ProjectError make(Code code, QString message, QString detail = {}, bool canOpenCopy = false)
    {
        return {code, std::move(message), std::move(detail), canOpenCopy};
    }
};

} // namespace cosmos::projects
