// A C++ target, for a project whose C++ compiler is not heap2stack's clang.
#include <memory>

int main()
{
	auto p = std::make_unique<int>(3);
	return *p - 3;
}
