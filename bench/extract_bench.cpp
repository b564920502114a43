// liaison_extract_bench ARTICLE-OR-FOLDER… [--repeat N]: articles extracted per second on one
// core (docs/extract.md, "Speed"). The lexicons are built once before the clock starts, as in a
// long-running process; the figure is for the whole pipeline through the candidates network.
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <string>
#include <vector>

#include "extract/lexicon.hpp"
#include "liaison/extract/extract.hpp"

int main(int argc, char** argv) {
    namespace fs = std::filesystem;
    int repeat = 200;
    std::vector<liaison::extract::Article> articles;
    try {
        for (int i = 1; i < argc; ++i) {
            const std::string arg = argv[i];
            if (arg == "--repeat" && i + 1 < argc) {
                repeat = std::atoi(argv[++i]);
                continue;
            }
            if (fs::is_directory(arg)) {
                for (const auto& e : fs::directory_iterator(arg))
                    if (e.path().extension() == ".txt")
                        articles.push_back(liaison::extract::read_article(e.path().string()));
            } else {
                articles.push_back(liaison::extract::read_article(arg));
            }
        }
        if (articles.empty() || repeat < 1) {
            std::fprintf(stderr, "usage: liaison_extract_bench ARTICLE-OR-FOLDER… [--repeat N]\n");
            return 2;
        }
        const auto t0 = std::chrono::steady_clock::now();
        liaison::extract::Lexicon::builtin();
        const auto t1 = std::chrono::steady_clock::now();
        std::size_t bytes = 0, relations = 0;
        for (int r = 0; r < repeat; ++r)
            for (const auto& a : articles) {
                relations += liaison::extract::extract({a}).edge_count();
                bytes += a.text.size();
            }
        const auto t2 = std::chrono::steady_clock::now();
        const double lexicons = std::chrono::duration<double>(t1 - t0).count();
        const double seconds = std::chrono::duration<double>(t2 - t1).count();
        const double n = static_cast<double>(articles.size()) * repeat;
        std::printf("lexicons built in %.3f s\n", lexicons);
        std::printf(
            "%.0f articles (%.1f MB) in %.3f s: %.0f articles/s, %.2f MB/s, %zu relations\n", n,
            static_cast<double>(bytes) / 1e6, seconds, n / seconds,
            static_cast<double>(bytes) / 1e6 / seconds, relations);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "liaison_extract_bench: %s\n", e.what());
        return 1;
    }
    return 0;
}
