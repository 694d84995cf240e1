// heap2stack: the pass-plugin glue, the only C++ file of the project.
//
// It holds no analysis logic. It registers the passes with the PassBuilder,
// parses their parameters, drives the C core (include/heap2stack/heap2stack.h)
// and provides the services the core needs from C++-only LLVM APIs:
// optimization remarks, parameter names from debug info, value ranges
// (ValueTracking, LazyValueInfo) for sizes, loop trip counts
// (ScalarEvolution) for pools, block splitting and inlining. Every difference
// between the supported LLVM releases is in compat.h.
//
//   heap2stack, heap2stack<PARAMS>        the transform (module pass)
//   print<escape>, print<escape<PARAMS>>  the Go-style report on stderr
//
// PARAMS is a ';'-separated list of `key=value` or `flag` (h2s_options_set).

#include "heap2stack/heap2stack.h"

#include "compat.h"

#include <llvm/ADT/ArrayRef.h>
#include <llvm/ADT/DenseMap.h>
#include <llvm/ADT/SmallVector.h>
#include <llvm/ADT/StringRef.h>
#include <llvm/ADT/Twine.h>
#include <llvm/ADT/PostOrderIterator.h>
#include <llvm/Analysis/CFG.h>
#include <llvm/Analysis/InlineCost.h>
#include <llvm/Analysis/LazyValueInfo.h>
#include <llvm/Analysis/LoopInfo.h>
#include <llvm/Analysis/ScalarEvolution.h>
#include <llvm/Analysis/TargetTransformInfo.h>
#include <llvm/Analysis/OptimizationRemarkEmitter.h>
#include <llvm/Analysis/SimplifyQuery.h>
#include <llvm/Analysis/ValueTracking.h>
#include <llvm/IR/ConstantRange.h>
#include <llvm/IR/DebugInfoMetadata.h>
#include <llvm/IR/DebugProgramInstruction.h>
#include <llvm/IR/DiagnosticInfo.h>
#include <llvm/IR/Function.h>
#include <llvm/IR/InstIterator.h>
#include <llvm/IR/Instruction.h>
#include <llvm/IR/IntrinsicInst.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/PassInstrumentation.h>
#include <llvm/IR/PassManager.h>
#include <llvm/Passes/OptimizationLevel.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Remarks/RemarkStreamer.h>
#include <llvm/Transforms/Utils/Cloning.h>
#include <llvm/Support/CommandLine.h>
#include <llvm/Support/Compiler.h>
#include <llvm/Support/FileSystem.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Transforms/InstCombine/InstCombine.h>
#include <llvm/Transforms/Scalar/InstSimplifyPass.h>
#include <llvm/Transforms/Scalar/SROA.h>
#include <llvm/Transforms/Scalar/SimplifyCFG.h>
#include <llvm/Transforms/Utils/BasicBlockUtils.h>

#include <cstdio>
#include <cstdlib>
#include <deque>
#include <memory>
#include <string>

using namespace llvm;

namespace {

constexpr const char *PassName = "heap2stack";

// Command-line options for the instance the default pipelines add (clang
// -fpass-plugin, LTO), where no pipeline string can carry parameters:
//   clang -O2 -fpass-plugin=heap2stack.so -mllvm -escape-options=max-size=64
// They are created by checkHostAndRegisterOptions() below, not as globals:
// registering a cl::opt uses the host's C++ ABI, which must not happen before
// the host's release has been checked.
//
// Their names do not start with the pass's name: a host that has not loaded
// the plugin when it parses options (clang 19 without -fplugin, lld without
// -mllvm -load) reads an unknown `-hXXX` as its `-h` help alias grouped with
// other letters, prints the help and exits 0 without writing its output.
// An unknown `-escape-...` is an error, as a misspelt option should be.
struct Options {
	// Parameters, as in the pipeline string.
	cl::opt<std::string> Params{
		"escape-options", cl::value_desc("PARAMS"),
		cl::desc("heap2stack parameters for the default pipeline "
			 "(e.g. 'max-size=64;no-loops')")};
	// The report of what that instance decided, the text of
	// print<escape>, appended to FILE ('-' is stderr).
	cl::opt<std::string> Report{
		"escape-report", cl::value_desc("FILE"),
		cl::desc("append heap2stack's escape report of each module to "
			 "FILE ('-' for stderr)")};
};
Options *CommandLine;

// ------------------------------------------------------------------- hooks

// A remark belongs to a block of a function. A deleted allocation's
// function may have gone from the module, or lost its body: a stand-in of
// its name carries the remark (to the diagnostic handler: there is no
// hotness to compute), then goes, leaving the module as it was.
class StandIn {
public:
	Function *make(Module &M, StringRef Name)
	{
		LLVMContext &C = M.getContext();
		F = Function::Create(FunctionType::get(Type::getVoidTy(C), false),
				     GlobalValue::ExternalLinkage, "", &M);
		new UnreachableInst(C, BasicBlock::Create(C, "", F));
		// the name may be a declaration's: borrowed meanwhile
		Owner = M.getNamedValue(Name);
		if (Owner)
			F->takeName(Owner);
		else
			F->setName(Name);
		return F;
	}
	~StandIn()
	{
		if (!F)
			return;
		if (Owner)
			Owner->takeName(F);
		F->eraseFromParent();
	}

private:
	Function *F = nullptr;
	GlobalValue *Owner = nullptr;
};

// State behind h2s_hooks for one run of the core. Lives until the result is
// freed: the strings handed to the core stay valid that long.
class HookContext {
public:
	explicit HookContext(FunctionAnalysisManager &FAM) : FAM(FAM) {}

	h2s_hooks hooks()
	{
		h2s_hooks H;
		H.ctx = this;
		H.remark = &HookContext::remark;
		H.param_name = &HookContext::paramName;
		H.value_name = &HookContext::valueName;
		H.value_max = &HookContext::valueMax;
		H.if_else = &HookContext::ifElse;
		H.inline_call = &HookContext::inlineCall;
		H.trips_max = &HookContext::tripsMax;
		H.module_is_c = &HookContext::moduleIsC;
		return H;
	}

	// Forget everything derived from the IR; called once the IR may change.
	void reset()
	{
		Emitters.clear();
		Params.clear();
		Vars.clear();
	}

private:
	// One emitter per function: with remark hotness requested, building one
	// computes the function's block frequencies, so it is done once.
	DenseMap<const Function *, std::unique_ptr<OptimizationRemarkEmitter>>
		Emitters;
	// Per function, the DILocalVariable of each parameter (or null).
	DenseMap<const Function *, SmallVector<const DILocalVariable *, 4>>
		Params;
	// Per function, the variable each described value holds.
	DenseMap<const Function *, DenseMap<const Value *, const DILocalVariable *>>
		Vars;
	// Names returned to the core; a deque never moves its elements.
	std::deque<std::string> Names;
	// Function analyses (LazyValueInfo) for value_max.
	FunctionAnalysisManager &FAM;

	OptimizationRemarkEmitter &emitter(const Function &F)
	{
		std::unique_ptr<OptimizationRemarkEmitter> &E = Emitters[&F];
		if (!E)
			E = std::make_unique<OptimizationRemarkEmitter>(&F);
		return *E;
	}

	static void ifElse(void *, LLVMValueRef Cond, LLVMValueRef Before,
			   LLVMValueRef *ThenTerm, LLVMValueRef *ElseTerm)
	{
		Instruction *T = nullptr, *E = nullptr;
		SplitBlockAndInsertIfThenElse(
			unwrap(Cond),
			cast<Instruction>(unwrap(Before))->getIterator(), &T,
			&E);
		*ThenTerm = wrap(T);
		*ElseTerm = wrap(E);
	}

	// LLVM's isInlineViable, but a callee that calls itself is viable
	// too: one copy of its body goes into the caller, its own calls stay
	// calls (LLVM's inliner refuses them as a matter of policy, to keep
	// from unrolling a recursion). The other refusals are LLVM's own,
	// checked again without the recursive calls.
	static bool inlineViable(Function &F)
	{
		InlineResult R = isInlineViable(F);
		if (R.isSuccess())
			return true;
		if (StringRef(R.getFailureReason()) != "recursive call")
			return false;
		bool ReturnsTwice = F.hasFnAttribute(Attribute::ReturnsTwice);
		for (BasicBlock &BB : F) {
			if (isa<IndirectBrInst>(BB.getTerminator()) ||
			    BB.hasAddressTaken())
				return false;
			for (Instruction &I : BB) {
				auto *Call = dyn_cast<CallBase>(&I);
				if (!Call)
					continue;
				if (!ReturnsTwice && isa<CallInst>(Call) &&
				    cast<CallInst>(Call)->canReturnTwice())
					return false;
				Function *G = Call->getCalledFunction();
				if (G && G != &F && G->isIntrinsic() &&
				    (G->getIntrinsicID() ==
					     Intrinsic::icall_branch_funnel ||
				     G->getIntrinsicID() ==
					     Intrinsic::localescape ||
				     G->getIntrinsicID() == Intrinsic::vastart))
					return false;
			}
		}
		return true;
	}

	// Inlines Call when LLVM's inliner could (inlineViable: no construct
	// InlineFunction refuses; a callee that calls itself is allowed), and
	// the callee's attributes and target features are compatible with the
	// caller's. The caller's cached analyses and names are dropped: its
	// body changed.
	static int inlineCall(void *Ctx, LLVMValueRef CallRef)
	{
		auto *CB = dyn_cast_or_null<CallBase>(unwrap(CallRef));
		if (!CB || !CB->getFunction())
			return 0;
		Function *Caller = CB->getFunction();
		Function *Callee = CB->getCalledFunction();
		if (!Callee || Callee == Caller || Callee->isDeclaration() ||
		    Callee->getFunctionType() != CB->getFunctionType() ||
		    !inlineViable(*Callee) ||
		    !AttributeFuncs::areInlineCompatible(*Caller, *Callee))
			return 0;
		auto *Self = static_cast<HookContext *>(Ctx);
		TargetTransformInfo &TTI =
			Self->FAM.getResult<TargetIRAnalysis>(*Caller);
		if (!TTI.areInlineCompatible(Caller, Callee))
			return 0;
		InlineFunctionInfo IFI;
		if (!InlineFunction(*CB, IFI).isSuccess())
			return 0;
		Self->FAM.invalidate(*Caller, PreservedAnalyses::none());
		Self->Emitters.erase(Caller);
		Self->Vars.erase(Caller);
		return 1;
	}

	// The debug location of I, or of the outermost call it was inlined at.
	static DebugLoc locationOf(const Instruction *I, bool Outermost)
	{
		const DILocation *L = I ? I->getDebugLoc().get() : nullptr;
		while (L && Outermost && L->getInlinedAt())
			L = L->getInlinedAt();
		return DebugLoc(const_cast<DILocation *>(L));
	}

	// Appends R's arguments to D: the message's, then (LLVM's
	// setExtraArgs) those for the record file only.
	static void addArgs(DiagnosticInfoOptimizationBase &D,
			    const h2s_remark &R)
	{
		for (unsigned K = 0; K < R.nargs; ++K) {
			const h2s_remark_arg &A = R.args[K];
			if (K == R.nshown)
				D.insert(DiagnosticInfoOptimizationBase::
						 setExtraArgs());
			auto *At = dyn_cast_or_null<Instruction>(unwrap(A.at));
			if (At)
				D.insert(DiagnosticInfoOptimizationBase::Argument(
					A.key, locationOf(At, A.outermost)));
			else
				D.insert(DiagnosticInfoOptimizationBase::Argument(
					A.key, StringRef(A.value ? A.value : "")));
		}
	}

	template <typename RemarkT>
	static RemarkT make(const h2s_remark &R, const DiagnosticLocation &Loc,
			    const BasicBlock *Region)
	{
		RemarkT D(PassName, R.name ? R.name : "", Loc, Region);
		addArgs(D, R);
		return D;
	}

	template <typename RemarkT>
	static void emitTo(OptimizationRemarkEmitter *ORE, const h2s_remark &R,
			   const DiagnosticLocation &Loc,
			   const BasicBlock *Region)
	{
		if (ORE)
			ORE->emit([&] { return make<RemarkT>(R, Loc, Region); });
		else
			Region->getContext().diagnose(
				make<RemarkT>(R, Loc, Region));
	}

	static void remark(void *Ctx, const h2s_remark *R)
	{
		auto *Self = static_cast<HookContext *>(Ctx);
		auto *I = dyn_cast_or_null<Instruction>(unwrap(R->inst));
		Function *F = I ? I->getFunction()
				: dyn_cast_or_null<Function>(unwrap(R->fn));
		auto *L = dyn_cast_or_null<DILocation>(unwrap(R->loc));
		DiagnosticLocation Loc;
		if (I)
			Loc = DiagnosticLocation(I->getDebugLoc());
		else if (L)
			Loc = DiagnosticLocation(DebugLoc(L));
		OptimizationRemarkEmitter *ORE = nullptr;
		StandIn Stand;
		if (F && !F->isDeclaration())
			ORE = &Self->emitter(*F);
		else if (R->function && L && R->module)
			F = Stand.make(*unwrap(R->module), R->function);
		else
			return;
		const BasicBlock *Region = I ? I->getParent() : &F->getEntryBlock();
		switch (R->kind) {
		case H2S_REMARK_PASSED:
			emitTo<OptimizationRemark>(ORE, *R, Loc, Region);
			break;
		case H2S_REMARK_MISSED:
			emitTo<OptimizationRemarkMissed>(ORE, *R, Loc, Region);
			break;
		case H2S_REMARK_ANALYSIS:
			emitTo<OptimizationRemarkAnalysis>(ORE, *R, Loc, Region);
			break;
		}
	}

	// Records Var as the description of parameter Var->getArg() - 1 of F
	// when it belongs to F itself (not to a function inlined into it).
	static void noteParam(SmallVectorImpl<const DILocalVariable *> &Tab,
			      const DISubprogram *SP, const DILocalVariable *Var)
	{
		if (!Var || !Var->isParameter() || Var->getName().empty())
			return;
		const DILocalScope *Scope = Var->getScope();
		if (!Scope || Scope->getSubprogram() != SP)
			return;
		unsigned Idx = Var->getArg() - 1;
		if (Idx < Tab.size() && !Tab[Idx])
			Tab[Idx] = Var;
	}

	const SmallVectorImpl<const DILocalVariable *> &
	paramTable(const Function &F)
	{
		auto It = Params.find(&F);
		if (It != Params.end())
			return It->second;
		SmallVector<const DILocalVariable *, 4> Tab(F.arg_size(),
							    nullptr);
		if (const DISubprogram *SP = F.getSubprogram()) {
			// Optimised code keeps the parameters in retainedNodes.
			for (const DINode *N : SP->getRetainedNodes())
				noteParam(Tab, SP, dyn_cast<DILocalVariable>(N));
			// Otherwise the debug records (or, in a module still in
			// the old format, the dbg intrinsics) name them.
			for (const Instruction &I : instructions(F)) {
				for (const DbgVariableRecord &DVR :
				     filterDbgVars(I.getDbgRecordRange()))
					noteParam(Tab, SP, DVR.getVariable());
				if (const auto *DVI =
					    dyn_cast<DbgVariableIntrinsic>(&I))
					noteParam(Tab, SP, DVI->getVariable());
			}
		}
		return Params.try_emplace(&F, std::move(Tab)).first->second;
	}

	// The variables debug records (or old-format dbg intrinsics) of F say
	// its values hold, for the names in flows and `address of x escapes`.
	const DenseMap<const Value *, const DILocalVariable *> &
	varTable(const Function &F)
	{
		auto It = Vars.find(&F);
		if (It != Vars.end())
			return It->second;
		DenseMap<const Value *, const DILocalVariable *> Tab;
		auto Note = [&](const DILocalVariable *Var, const Value *V) {
			if (Var && V && !Var->getName().empty())
				Tab.try_emplace(V, Var);
		};
		for (const Instruction &I : instructions(F)) {
			for (const DbgVariableRecord &DVR :
			     filterDbgVars(I.getDbgRecordRange())) {
				for (const Value *V : DVR.location_ops())
					Note(DVR.getVariable(), V);
				// assignment tracking names the stack slot here
				if (DVR.isDbgAssign())
					Note(DVR.getVariable(), DVR.getAddress());
			}
			if (const auto *DVI = dyn_cast<DbgVariableIntrinsic>(&I))
				for (const Value *V : DVI->location_ops())
					Note(DVI->getVariable(), V);
			if (const auto *DAI = dyn_cast<DbgAssignIntrinsic>(&I))
				Note(DAI->getVariable(), DAI->getAddress());
		}
		return Vars.try_emplace(&F, std::move(Tab)).first->second;
	}

	static const char *valueName(void *Ctx, LLVMValueRef Val, unsigned *Line)
	{
		const Value *V = unwrap(Val);
		const Function *F = nullptr;
		if (const auto *I = dyn_cast_or_null<Instruction>(V))
			F = I->getFunction();
		else if (const auto *A = dyn_cast_or_null<Argument>(V))
			F = A->getParent();
		if (!F)
			return nullptr;
		auto *Self = static_cast<HookContext *>(Ctx);
		const auto &Tab = Self->varTable(*F);
		auto It = Tab.find(V);
		if (It == Tab.end())
			return nullptr;
		if (Line)
			*Line = It->second->getLine();
		Self->Names.push_back(It->second->getName().str());
		return Self->Names.back().c_str();
	}

	// The largest unsigned value of V where At runs: the intersection of
	// what its known bits and instruction ranges say (ValueTracking) and
	// what the conditions of the branches leading to At say
	// (LazyValueInfo).
	static int valueMax(void *Ctx, LLVMValueRef Val, LLVMValueRef AtRef,
			    uint64_t *Max)
	{
		Value *V = unwrap(Val);
		auto *At = dyn_cast_or_null<Instruction>(unwrap(AtRef));
		if (!V || !At || !V->getType()->isIntegerTy() || !At->getFunction())
			return 0;
		auto *Self = static_cast<HookContext *>(Ctx);
		Function &F = *At->getFunction();
		const DataLayout &DL = F.getDataLayout();
		ConstantRange R = computeConstantRangeIncludingKnownBits(
			V, /*ForSigned=*/false, SimplifyQuery(DL, At));
		LazyValueInfo &LVI = Self->FAM.getResult<LazyValueAnalysis>(F);
		R = R.intersectWith(LVI.getConstantRange(V, At,
							 /*UndefAllowed=*/false),
				    ConstantRange::Unsigned);
		const APInt Hi = R.getUnsignedMax();
		if (R.isFullSet() || Hi.isMaxValue() || Hi.getActiveBits() > 64)
			return 0;
		*Max = Hi.getZExtValue();
		return 1;
	}

	// The product of the constant maximum trip counts of the loops
	// around At (ScalarEvolution), or 0 when one has none.
	static int tripsMax(void *Ctx, LLVMValueRef AtRef, uint64_t *Max)
	{
		auto *At = dyn_cast_or_null<Instruction>(unwrap(AtRef));
		if (!At || !At->getFunction())
			return 0;
		auto *Self = static_cast<HookContext *>(Ctx);
		Function &F = *At->getFunction();
		LoopInfo &LI = Self->FAM.getResult<LoopAnalysis>(F);
		// an irreducible cycle is no Loop: its trips count nowhere
		ReversePostOrderTraversal<Function *> RPOT(&F);
		if (containsIrreducibleCFG<const BasicBlock *>(RPOT, LI))
			return 0;
		ScalarEvolution &SE =
			Self->FAM.getResult<ScalarEvolutionAnalysis>(F);
		uint64_t N = 1;
		for (Loop *L = LI.getLoopFor(At->getParent()); L;
		     L = L->getParentLoop()) {
			unsigned T = SE.getSmallConstantMaxTripCount(L);
			if (!T || N > UINT64_MAX / T)
				return 0;
			N *= T;
		}
		*Max = N;
		return 1;
	}

	// Every compile unit of the module is C (and there is one).
	static int moduleIsC(void *, LLVMModuleRef MRef)
	{
		Module *M = unwrap(MRef);
		bool Any = false;
		for (const DICompileUnit *CU : M->debug_compile_units()) {
			if (!compat_unit_is_c(CU))
				return 0;
			Any = true;
		}
		return Any;
	}

	static const char *paramName(void *Ctx, LLVMValueRef Fn, unsigned ArgNo,
				     unsigned *Line)
	{
		auto *F = dyn_cast_or_null<Function>(unwrap(Fn));
		if (!F)
			return nullptr;
		auto *Self = static_cast<HookContext *>(Ctx);
		const SmallVectorImpl<const DILocalVariable *> &Tab =
			Self->paramTable(*F);
		if (ArgNo >= Tab.size() || !Tab[ArgNo])
			return nullptr;
		if (Line)
			*Line = Tab[ArgNo]->getLine();
		Self->Names.push_back(Tab[ArgNo]->getName().str());
		return Self->Names.back().c_str();
	}
};

// ------------------------------------------------------------------ passes

// Writes "<PARAMS>" for the options that differ from the defaults, then Tail,
// so that -print-pipeline-passes round-trips.
void printParams(raw_ostream &OS, const h2s_options &O, StringRef Tail)
{
	h2s_options D;
	h2s_options_init(&D);
	std::string P;
	auto Add = [&P](const std::string &Item) {
		P += P.empty() ? "" : ";";
		P += Item;
	};
	if (O.max_size != D.max_size)
		Add("max-size=" + std::to_string(O.max_size));
	if (O.frame_budget != D.frame_budget)
		Add("frame-budget=" + std::to_string(O.frame_budget));
	if (O.recursive_budget != D.recursive_budget)
		Add("recursive-budget=" + std::to_string(O.recursive_budget));
	if (O.recursive_stack != D.recursive_stack)
		Add("recursive-stack=" + std::to_string(O.recursive_stack));
	if (O.guard_size != D.guard_size)
		Add("guard-size=" + std::to_string(O.guard_size));
	if (O.inline_budget != D.inline_budget)
		Add("inline-budget=" + std::to_string(O.inline_budget));
	if (O.hot_inline_budget != D.hot_inline_budget)
		Add("hot-inline-budget=" +
		    std::to_string(O.hot_inline_budget));
	if (O.loop_slots != D.loop_slots)
		Add("loop-slots=" + std::to_string(O.loop_slots));
	if (!O.loops != !D.loops)
		Add(O.loops ? "loops" : "no-loops");
	if (!O.freed_escapes != !D.freed_escapes)
		Add(O.freed_escapes ? "freed-escapes" : "no-freed-escapes");
	if (O.verbose && !D.verbose)
		Add("verbose");
	if (O.profile)
		Add(std::string("profile=") + h2s_sizes_path(O.profile));
	if (!P.empty())
		OS << '<' << P << '>';
	OS << Tail;
}

// A mistake in how the plugin is used: one line naming it, exit status 1.
// Not report_fatal_error: clang answers that with a crash report and a stack
// dump, which a typo in a parameter does not deserve.
[[noreturn]] void usageError(const Twine &Msg)
{
	errs() << PassName << ": error: " << Msg << "\n";
	errs().flush();
	std::exit(1);
}

// Appends Text (malloc'd, freed here), the `What` of the analysis, to Path
// ('-' is stderr).
void appendText(char *Text, StringRef Path, StringRef What)
{
	if (!Text)
		return;
	if (Path == "-") {
		errs() << Text;
		errs().flush();
	} else {
		std::error_code EC;
		raw_fd_ostream OS(Path, EC, sys::fs::OF_Append | sys::fs::OF_Text);
		if (EC)
			usageError("cannot write the " + What + " to '" + Path +
				   "': " + EC.message());
		OS << Text;
	}
	std::free(Text);
}

void writeReport(const h2s_result *R, StringRef Path)
{
	appendText(h2s_format_report(R), Path, "report");
}

// The cleanup of a function the rewrite changed. It runs at the end of the
// pipeline (OptimizerLast, FullLinkTimeOptimizationLast): nothing else
// cleans up after it.
//
// SROA first: it turns the slots that are only loaded and stored into
// registers. InstCombine then runs where a slot's contents can be forwarded:
// where SROA changed the function (InstCombine folds the values it
// forwarded, the phis it built), or where a slot is a copy of constant
// memory (strdup of a literal: InstCombine reads the constant instead, then
// folds strlen and the like on it). Elsewhere every slot stays in memory,
// written at run time and passed to calls or indexed at run time, and
// InstCombine only annotated the slots' uses (nonnull, align) at most of the
// cleanup's cost; InstSimplify, a fraction of that, still folds what the
// rewrite made foldable: a comparison of two slots, or of a slot with null
// through a GEP or a phi (the rewrite folds only direct null checks of the
// call). SimplifyCFG last, in both cases: it removes the branches on the
// folded null checks. docs/results.md (Compile time) has the measurements
// behind this choice.
class Cleanup {
public:
	Cleanup()
	{
		Promoted.addPass(InstCombinePass());
		Promoted.addPass(SimplifyCFGPass());
		InMemory.addPass(InstSimplifyPass());
		InMemory.addPass(SimplifyCFGPass());
	}

	void run(Function &F, FunctionAnalysisManager &FAM)
	{
		FAM.invalidate(F, PreservedAnalyses::none());
		// What a pass manager does around a pass, so that -time-passes,
		// -print-after and opt-bisect see SROA as before.
		PassInstrumentation PI =
			FAM.getResult<PassInstrumentationAnalysis>(F);
		bool Changed = false;
		if (PI.runBeforePass<Function>(SROA, F)) {
			PreservedAnalyses PA = SROA.run(F, FAM);
			PI.runAfterPass<Function>(SROA, F, PA);
			FAM.invalidate(F, PA);
			Changed = !PA.areAllPreserved();
		}
		(Changed || copiesConstant(F) ? Promoted : InMemory).run(F, FAM);
	}

private:
	// Whether an alloca of F (the slots are in the entry block) is the
	// destination of a copy from a constant global.
	static bool copiesConstant(Function &F)
	{
		for (Instruction &I : F.getEntryBlock()) {
			auto *AI = dyn_cast<AllocaInst>(&I);
			if (!AI)
				continue;
			for (User *U : AI->users()) {
				auto *MT = dyn_cast<MemTransferInst>(U);
				if (!MT || MT->getRawDest() != AI)
					continue;
				auto *GV = dyn_cast<GlobalVariable>(
					getUnderlyingObject(MT->getRawSource()));
				if (GV && GV->isConstant())
					return true;
			}
		}
		return false;
	}

	SROAPass SROA{SROAOptions::ModifyCFG};
	FunctionPassManager Promoted, InMemory;
};

// Whether the remarks that describe more than the sites (flows,
// parameters, addresses, deleted allocations) have a reader: a remark file
// (-fsave-optimization-record, -pass-remarks-output, lld's
// --opt-remarks-filename) whose filter takes heap2stack, or
// -Rpass-analysis=heap2stack. They need every function analysed, and the
// snapshot of the pipeline's start.
bool recordsWanted(const Module &M)
{
	LLVMContext &C = M.getContext();
	remarks::RemarkStreamer *RS = C.getMainRemarkStreamer();
	if (RS && RS->matchesFilter(PassName))
		return true;
	return C.getDiagHandlerPtr()->isAnalysisRemarkEnabled(PassName);
}

// heap2stack-snapshot: the allocation sites as the pipeline starts
// (h2s_snapshot), so that heap2stack can report those LLVM's optimisations
// delete before it runs. Taken when the remarks have a reader, or
// -escape-report= asks for the report.
class SnapshotPass : public PassInfoMixin<SnapshotPass> {
public:
	PreservedAnalyses run(Module &M, ModuleAnalysisManager &)
	{
		if (recordsWanted(M) ||
		    (CommandLine && !CommandLine->Report.empty()))
			h2s_snapshot(wrap(&M));
		// named metadata only: no analysis reads it
		return PreservedAnalyses::all();
	}
	static StringRef name() { return "Heap2StackSnapshotPass"; }
};

class Heap2StackPass : public PassInfoMixin<Heap2StackPass> {
public:
	explicit Heap2StackPass(const h2s_options &O, std::string Report = "")
		: Opts(O), ReportPath(std::move(Report))
	{
	}

	PreservedAnalyses run(Module &M, ModuleAnalysisManager &MAM)
	{
		FunctionAnalysisManager &FAM =
			MAM.getResult<FunctionAnalysisManagerModuleProxy>(M)
				.getManager();
		HookContext Ctx(FAM);
		h2s_hooks Hooks = Ctx.hooks();
		h2s_options O = Opts;
		O.report_params = !ReportPath.empty() || recordsWanted(M);
		h2s_result *R = h2s_analyze(wrap(&M), &O, &Hooks);
		if (R && !ReportPath.empty())
			writeReport(R, ReportPath);
		// The snapshot of the pipeline's start has served once the
		// report and the remarks are out.
		bool Snapshot = emitRemarks(M, R);
		if (!R)
			return Snapshot ? PreservedAnalyses::none()
					: PreservedAnalyses::all();
		Ctx.reset();
		unsigned Demoted = h2s_transform(R);
		Ctx.reset();

		bool Changed = Demoted > 0 || h2s_num_inlined(R) > 0;
		Cleanup Clean;
		for (unsigned I = 0, N = h2s_num_functions(R); I < N; ++I) {
			if (!h2s_function_changed(R, I))
				continue;
			auto *F = dyn_cast_or_null<Function>(
				unwrap(h2s_function(R, I)));
			if (!F || F->isDeclaration())
				continue;
			Changed = true;
			Clean.run(*F, FAM);
		}
		h2s_result_free(R);
		return Changed ? PreservedAnalyses::none()
			       : PreservedAnalyses::all();
	}

	// Skipped like any optimisation (optnone, -O0, opt-bisect).
	static bool isRequired() { return false; }
	static StringRef name() { return "Heap2StackPass"; }
	void printPipeline(raw_ostream &OS,
			   function_ref<StringRef(StringRef)> MapClassName2PassName)
	{
		OS << MapClassName2PassName(name());
		printParams(OS, Opts, "");
	}

private:
	h2s_options Opts;
	std::string ReportPath;

	// Emits R's remarks (among them those of the allocations the
	// snapshot of the pipeline's start has and the module no longer has),
	// then erases the snapshot, which has served. Returns whether there
	// was one.
	static bool emitRemarks(Module &M, const h2s_result *R)
	{
		if (R)
			h2s_emit_remarks(R);
		NamedMDNode *Snapshot = M.getNamedMetadata(H2S_SNAPSHOT);
		if (Snapshot)
			M.eraseNamedMetadata(Snapshot);
		return Snapshot != nullptr;
	}

};

class EscapePrinterPass : public PassInfoMixin<EscapePrinterPass> {
public:
	explicit EscapePrinterPass(const h2s_options &O) : Opts(O) {}

	PreservedAnalyses run(Module &M, ModuleAnalysisManager &MAM)
	{
		FunctionAnalysisManager &FAM =
			MAM.getResult<FunctionAnalysisManagerModuleProxy>(M)
				.getManager();
		HookContext Ctx(FAM);
		h2s_hooks Hooks = Ctx.hooks();
		h2s_options O = Opts;
		O.report_params = 1;
		h2s_result *R = h2s_analyze(wrap(&M), &O, &Hooks);
		if (!R)
			return PreservedAnalyses::all();
		writeReport(R, "-");
		// its verdicts are the transform's, after the same inlining
		bool Inlined = h2s_num_inlined(R) > 0;
		h2s_result_free(R);
		return Inlined ? PreservedAnalyses::none()
			       : PreservedAnalyses::all();
	}

	// Printers run whatever the optimisation level, like LLVM's own.
	static bool isRequired() { return true; }
	static StringRef name() { return "EscapePrinterPass"; }
	void printPipeline(raw_ostream &OS, function_ref<StringRef(StringRef)>)
	{
		OS << "print<escape";
		printParams(OS, Opts, ">");
	}

private:
	h2s_options Opts;
};

// -------------------------------------------------------- pipeline parsing

[[noreturn]] void parameterError(StringRef PassText, const Twine &Msg)
{
	usageError("in '" + PassText + "': " + Msg);
}

// Parses the PARAMS of PassText (the text between the outermost '<' '>'
// delimiters of the pass) into O, starting from the defaults. Errors are
// fatal.
void parseParams(StringRef PassText, StringRef Params, h2s_options &O)
{
	h2s_options_init(&O);
	if (Params.find_first_of("<>") != StringRef::npos)
		parameterError(PassText, "unexpected '<' or '>' in parameters");
	SmallVector<StringRef, 8> Items;
	// Each parameter once: `loops` and `no-loops` are one parameter, and
	// so are `freed-escapes` and `no-freed-escapes`.
	SmallVector<std::string, 8> Seen;
	Params.split(Items, ';', /*MaxSplit=*/-1, /*KeepEmpty=*/true);
	for (StringRef Item : Items) {
		if (Item.empty())
			parameterError(PassText, "empty parameter");
		auto [Key, Value] = Item.split('=');
		bool HasValue = Key.size() != Item.size();
		if (Key.empty())
			parameterError(PassText, "parameter '" + Item +
							 "' has no name");
		std::string K = Key.str(), V = Value.str();
		std::string Name = K == "no-loops"           ? "loops"
				   : K == "no-freed-escapes" ? "freed-escapes"
							     : K;
		bool Flag = Name == "loops" || Name == "freed-escapes";
		for (const std::string &S : Seen)
			if (S == Name)
				parameterError(PassText,
					       "parameter '" + Key +
						       (Flag ? "' contradicts or repeats an "
							       "earlier '" +
								       Name + "' or 'no-" +
								       Name + "'"
							     : "' is given more than once"));
		Seen.push_back(Name);
		char Err[256] = "";
		if (h2s_options_set(&O, K.c_str(), HasValue ? V.c_str() : nullptr,
				    Err, sizeof Err) == 0)
			continue;
		if (Err[0])
			parameterError(PassText, Err);
		parameterError(PassText, "invalid parameter '" + Item + "'");
	}
}

// Recognises the pass spelt `Base Tail` (defaults) or `Base<PARAMS>Tail`:
// "heap2stack" / "heap2stack<PARAMS>" (Tail "") and "print<escape>" /
// "print<escape<PARAMS>>" (Base "print<escape", Tail ">"). Returns false when
// Name is another pass; otherwise fills O. Errors are fatal.
bool matchPass(StringRef Name, StringRef Base, StringRef Tail, h2s_options &O)
{
	StringRef Rest = Name;
	if (!Rest.consume_front(Base))
		return false;
	if (Rest == Tail) {
		h2s_options_init(&O);
		return true;
	}
	// Only a parameter list, or a misspelt one, continues the name:
	// "heap2stackx" is some other pass.
	if (Rest.empty() || StringRef("<>;=").find(Rest.front()) == StringRef::npos)
		return false;
	if (!Rest.consume_front("<") || !Rest.consume_back((">" + Tail).str()))
		parameterError(Name, "expected '" + Base + Tail + "' or '" +
					     Base + "<PARAMS>" + Tail + "'");
	parseParams(Name, Rest, O);
	return true;
}

// The file -escape-report= names, for every heap2stack pass of the
// pipeline (the default pipelines' and those in -passes).
std::string commandLineReport()
{
	if (!CommandLine)
		return "";
	// An option given with no file name would silently write nothing.
	if (CommandLine->Report.getNumOccurrences() &&
	    CommandLine->Report.empty())
		usageError("-escape-report= needs a file name ('-' for stderr)");
	return CommandLine->Report;
}

bool parseModulePass(StringRef Name, ModulePassManager &MPM,
		     ArrayRef<PassBuilder::PipelineElement> Inner)
{
	h2s_options O;
	if (Name == "heap2stack-snapshot") {
		MPM.addPass(SnapshotPass());
		return true;
	}
	bool Transform = matchPass(Name, "heap2stack", "", O);
	if (!Transform && !matchPass(Name, "print<escape", ">", O))
		return false;
	if (!Inner.empty())
		usageError("in '" + Name + "(...)': " + Name +
			   " is a module pass and takes no inner pipeline");
	if (CommandLine && CommandLine->Params.getNumOccurrences())
		usageError("-escape-options= is for the default pipelines "
			   "(clang, LTO); a pass in -passes takes its "
			   "parameters as " +
			   Name.take_until([](char C) { return C == '<'; }) +
			   (Transform ? "<PARAMS>" : "<escape<PARAMS>>"));
	if (Transform) {
		MPM.addPass(Heap2StackPass(O, commandLineReport()));
	} else {
		MPM.addPass(EscapePrinterPass(O));
	}
	return true;
}

// ------------------------------------------------------------ registration

void addDefaultPass(ModulePassManager &MPM)
{
	h2s_options O;
	h2s_options_init(&O);
	if (!CommandLine) {
		MPM.addPass(Heap2StackPass(O));
		return;
	}
	const std::string &Params = CommandLine->Params;
	if (!Params.empty())
		parseParams("-escape-options=" + Params, Params, O);
	MPM.addPass(Heap2StackPass(O, commandLineReport()));
}

void registerCallbacks(PassBuilder &PB)
{
	PB.registerPipelineParsingCallback(parseModulePass);

	// Pass names for -print-pipeline-passes, -print-after=heap2stack, ...
	if (PassInstrumentationCallbacks *PIC =
		    PB.getPassInstrumentationCallbacks()) {
		PIC->addClassToPassName(Heap2StackPass::name(), "heap2stack");
		PIC->addClassToPassName(EscapePrinterPass::name(),
					"print<escape>");
		PIC->addClassToPassName(SnapshotPass::name(),
					"heap2stack-snapshot");
	}

	// The snapshot, where every pipeline but the LTO link's starts
	// (an LTO compile's travels in its bitcode to the link).
	PB.registerPipelineStartEPCallback(
		[](ModulePassManager &MPM, OptimizationLevel Level) {
			if (Level != OptimizationLevel::O0)
				MPM.addPass(SnapshotPass());
		});

	// Per-module pipelines and the ThinLTO backend. Before an LTO link
	// the pass waits for the link, where it sees the whole program
	// (LLVM 19 cannot tell, and runs at both).
	PB.registerOptimizerLastEPCallback(
		[](ModulePassManager &MPM,
		   OptimizationLevel Level H2S_EP_PHASE_PARAM) {
			if (Level == OptimizationLevel::O0 || H2S_EP_IS_PRELINK)
				return;
			addDefaultPass(MPM);
		});

	// Full LTO at link time.
	PB.registerFullLinkTimeOptimizationLastEPCallback(
		[](ModulePassManager &MPM, OptimizationLevel Level) {
			if (Level == OptimizationLevel::O0)
				return;
			addDefaultPass(MPM);
		});
}

} // namespace

// The plugin uses the C++ ABI of the LLVM release it was built against, which
// changes with every major release: even the PassPluginLibraryInfo it
// returns has another size in another release, and registering a cl::opt
// calls into the host. Hosts check only LLVM_PLUGIN_API_VERSION, after
// calling us, and its message names no release. So the host's release
// (LLVMGetVersion, a C function with a stable ABI) is checked when the
// plugin is loaded, before anything touches the host's C++ API: on a
// mismatch the plugin says which releases are involved and exits with status
// 1, the one clean way out of a host it cannot talk to.
__attribute__((constructor)) static void checkHostAndRegisterOptions()
{
	unsigned Major = 0, Minor = 0, Patch = 0;
	LLVMGetVersion(&Major, &Minor, &Patch);
	if (Major != LLVM_VERSION_MAJOR) {
		std::fprintf(stderr,
			     "heap2stack: error: this heap2stack.so was built for "
			     "LLVM %s but is loaded by LLVM %u.%u.%u; rebuild it "
			     "against LLVM %u (-DLLVM_DIR=.../llvm-%u/lib/cmake/"
			     "llvm)\n",
			     LLVM_VERSION_STRING, Major, Minor, Patch, Major,
			     Major);
		std::fflush(stderr);
		std::_Exit(1);
	}
	static Options Opts;
	CommandLine = &Opts;
}

extern "C" LLVM_ATTRIBUTE_WEAK LLVM_ATTRIBUTE_VISIBILITY_DEFAULT
	::llvm::PassPluginLibraryInfo
	llvmGetPassPluginInfo()
{
	return {LLVM_PLUGIN_API_VERSION, "heap2stack", LLVM_VERSION_STRING,
		registerCallbacks};
}
