package dev.s2v.cli;

import dev.s2v.files.OutputBusyException;
import dev.s2v.model.EngineUnavailableException;
import dev.s2v.raster.NativeLibraryException;
import dev.s2v.raster.RasterFormatException;
import java.io.PrintWriter;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns every failure into one line on stderr and an exit code: 2 for the user's mistakes, 1 for
 * internal or environment failures. The stack trace appears only with {@code --debug}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        err.println(
                "s2v: "
                        + ex.getMessage()
                        + " (see '"
                        + cmd.getCommandSpec().qualifiedName()
                        + " --help')");
        if (Main.debugRequested(args)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return ExitCodes.USER_ERROR;
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        int code;
        if (isUserError(ex)) {
            err.println("s2v: " + userMessage(ex));
            code = ExitCodes.USER_ERROR;
        } else if (ex instanceof NativeLibraryException
                || ex instanceof EngineUnavailableException) {
            err.println("s2v: " + ex.getMessage());
            code = ExitCodes.INTERNAL;
        } else {
            err.println(
                    "s2v: internal error: "
                            + ex
                            + (Main.debugRequested(parseResult)
                                    ? ""
                                    : " (run again with --debug for the stack trace)"));
            code = ExitCodes.INTERNAL;
        }
        if (Main.debugRequested(parseResult)) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code;
    }

    static boolean isUserError(Throwable ex) {
        return ex instanceof IllegalArgumentException
                || ex instanceof RasterFormatException
                || ex instanceof NoSuchFileException
                || ex instanceof FileAlreadyExistsException
                || ex instanceof AccessDeniedException
                || ex instanceof OutputBusyException
                || fileInTheWay(ex).isPresent();
    }

    /**
     * The regular file that stands where an output folder (or one of its parents) was to be made:
     * the JDK reports it as a reasonless "already exists" for the file itself, or as "Not a
     * directory" for a path below it. Our own refusals of an existing output carry a reason.
     */
    private static Optional<Path> fileInTheWay(Throwable ex) {
        if (!(ex instanceof FileSystemException e) || e.getFile() == null) {
            return Optional.empty();
        }
        Path path = Path.of(e.getFile()).toAbsolutePath();
        if (ex instanceof FileAlreadyExistsException) {
            return e.getReason() == null && Files.isRegularFile(path)
                    ? Optional.of(path)
                    : Optional.empty();
        }
        for (Path parent = path.getParent(); parent != null; parent = parent.getParent()) {
            if (Files.isRegularFile(parent)) {
                return Optional.of(parent);
            }
        }
        return Optional.empty();
    }

    private static String userMessage(Throwable ex) {
        Optional<Path> fileInTheWay = fileInTheWay(ex);
        if (fileInTheWay.isPresent()) {
            return fileInTheWay.get() + ": is a file, so no folder can be made there or inside it";
        }
        if (ex instanceof NoSuchFileException e) {
            return e.getFile()
                    + ": "
                    + (e.getReason() == null ? "no such file or folder" : e.getReason());
        }
        if (ex instanceof FileAlreadyExistsException e) {
            return e.getFile()
                    + ": already exists"
                    + (e.getReason() == null ? "" : " (" + e.getReason() + ")");
        }
        if (ex instanceof OutputBusyException e) {
            return e.getFile() + ": " + e.getReason();
        }
        if (ex instanceof AccessDeniedException e) {
            return e.getFile() + ": permission denied";
        }
        return ex.getMessage();
    }
}
