#include "app/app_info.h"
#include "app/cli/cli.h"

namespace cosmos::app::cli {

int runVersionCommand(const QStringList& arguments, CliContext& context)
{
    if (!arguments.isEmpty()) {
        context.err << "usage: cosmos-cli --version\n";
        return 2;
    }
    context.out << versionText();
    return 0;
}

} // namespace cosmos::app::cli
