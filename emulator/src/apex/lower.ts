// Lowers apex-parser's ANTLR parse tree into the emulator's syntax tree (ast.ts). Every construct the grammar can
// produce is either lowered or reported as unsupported here, at load time, with its file:line — never skipped.
import {
  AnonymousUnitContext,
  Arth1ExpressionContext,
  Arth2ExpressionContext,
  ArrayExpressionContext,
  AssignExpressionContext,
  BitAndExpressionContext,
  BitExpressionContext,
  BitNotExpressionContext,
  BitOrExpressionContext,
  CastExpressionContext,
  CmpExpressionContext,
  CoalExpressionContext,
  CondExpressionContext,
  DotExpressionContext,
  EqualityExpressionContext,
  IdPrimaryContext,
  InstanceOfExpressionContext,
  LiteralPrimaryContext,
  LogAndExpressionContext,
  LogOrExpressionContext,
  MethodCallExpressionContext,
  NegExpressionContext,
  NewExpressionContext,
  PostOpExpressionContext,
  PreOpExpressionContext,
  PrimaryExpressionContext,
  SoqlPrimaryContext,
  SoslPrimaryContext,
  SubExpressionContext,
  SuperPrimaryContext,
  ThisPrimaryContext,
  TypeRefPrimaryContext,
  VoidPrimaryContext,
  type AnnotationContext,
  type BlockContext,
  type ClassBodyDeclarationContext,
  type ClassDeclarationContext,
  type CompilationUnitContext,
  type CreatorContext,
  type EnumDeclarationContext,
  type ExpressionContext,
  type ExpressionListContext,
  type FormalParametersContext,
  type InterfaceDeclarationContext,
  type LiteralContext,
  type LocalVariableDeclarationContext,
  type MemberDeclarationContext,
  type ModifierContext,
  type PrimaryContext,
  type PropertyDeclarationContext,
  type StatementContext,
  type TriggerMemberDeclarationContext,
  type AnonymousMemberDeclarationContext,
  type TriggerUnitContext,
  type TypeRefContext,
  type TypeListContext,
  type VariableDeclaratorsContext,
  type WhenLiteralContext,
} from '@apexdevtools/apex-parser';
import type { ApexParserRuleContext as ParserRuleContext } from '@apexdevtools/apex-parser';
import { EmulatorUnsupportedError } from '../errors';
import { lowerSoqlQuery } from '../data/soql/lower';
import type * as A from './ast';

/** Lowering state for one source file: its name (for messages). */
class Lowerer {
  constructor(readonly file: string) {}

  loc(ctx: ParserRuleContext): A.Loc {
    return { line: ctx.start.line, column: ctx.start.column + 1 };
  }

  unsupported(what: string, ctx: ParserRuleContext): never {
    throw new EmulatorUnsupportedError(what, `${this.file}:${ctx.start.line}`);
  }

  // ------------------------------------------------------------ modifiers, annotations, types

  modifiers(list: ModifierContext[] | null | undefined): A.Modifiers {
    const mods: A.Modifiers = {
      annotations: [],
      isStatic: false,
      isFinal: false,
      isAbstract: false,
      isVirtual: false,
      isOverride: false,
      isTransient: false,
      isTestMethod: false,
      isWebService: false,
    };
    for (const m of list ?? []) {
      const annotation = m.annotation();
      if (annotation) {
        mods.annotations.push(this.annotation(annotation));
        continue;
      }
      const text = m.getText().toLowerCase();
      if (text === 'global' || text === 'public' || text === 'protected' || text === 'private') mods.access = text;
      else if (text === 'static') mods.isStatic = true;
      else if (text === 'final') mods.isFinal = true;
      else if (text === 'abstract') mods.isAbstract = true;
      else if (text === 'virtual') mods.isVirtual = true;
      else if (text === 'override') mods.isOverride = true;
      else if (text === 'transient') mods.isTransient = true;
      else if (text === 'testmethod') mods.isTestMethod = true;
      else if (text === 'webservice') mods.isWebService = true;
      else if (text === 'withsharing') mods.sharing = 'with';
      else if (text === 'withoutsharing') mods.sharing = 'without';
      else if (text === 'inheritedsharing') mods.sharing = 'inherited';
      else this.unsupported(`modifier '${m.getText()}'`, m);
    }
    return mods;
  }

  annotation(ctx: AnnotationContext): A.Annotation {
    const name = ctx.id().getText();
    const params: Record<string, A.AnnotationValue> = {};
    const pairs = ctx.elementValuePairs();
    if (pairs) {
      for (const pair of pairs.elementValuePair_list()) {
        params[pair.id().getText().toLowerCase()] = this.annotationValue(pair.elementValue().literal());
      }
    }
    const single = ctx.elementValue();
    if (single) params.value = this.annotationValue(single.literal());
    return { name, params };
  }

  annotationValue(lit: LiteralContext | null): A.AnnotationValue {
    if (!lit) return null;
    const l = this.literal(lit);
    switch (l.type) {
      case 'Boolean':
        return l.text.toLowerCase() === 'true';
      case 'Integer':
        return Number(l.text);
      case 'Long':
        return BigInt(l.text.replace(/[lL]$/, ''));
      case 'Null':
        return null;
      default:
        return l.text;
    }
  }

  typeRef(ctx: TypeRefContext): A.TypeRefNode {
    const names = ctx.typeName_list().map((tn) => {
      const id = tn.id();
      const name = id ? id.getText() : tn.LIST() ? 'List' : tn.SET() ? 'Set' : 'Map';
      const args = tn.typeArguments();
      return { name, args: args ? this.typeList(args.typeList()) : [] };
    });
    const subscripts = ctx.arraySubscripts();
    const arrayDims = subscripts ? subscripts.getText().split('[').length - 1 : 0;
    return { names, arrayDims, loc: this.loc(ctx) };
  }

  typeList(ctx: TypeListContext): A.TypeRefNode[] {
    return ctx.typeRef_list().map((t) => this.typeRef(t));
  }

  // ------------------------------------------------------------ declarations

  compilationUnit(ctx: CompilationUnitContext): A.TypeDecl {
    const decl = ctx.typeDeclaration();
    const mods = this.modifiers(decl.modifier_list());
    const cls = decl.classDeclaration();
    if (cls) return this.classDecl(cls, mods);
    const iface = decl.interfaceDeclaration();
    if (iface) return this.interfaceDecl(iface, mods);
    const en = decl.enumDeclaration();
    if (en) return this.enumDecl(en, mods);
    return this.unsupported('type declaration', decl);
  }

  classDecl(ctx: ClassDeclarationContext, mods: A.Modifiers): A.ClassDecl {
    const ext = ctx.typeRef();
    const impl = ctx.typeList();
    return {
      kind: 'class',
      name: ctx.id().getText(),
      mods,
      ...(ext ? { extendsType: this.typeRef(ext) } : {}),
      implementsTypes: impl ? this.typeList(impl) : [],
      members: ctx
        .classBody()
        .classBodyDeclaration_list()
        .flatMap((d) => this.classBodyDeclaration(d)),
      loc: this.loc(ctx),
    };
  }

  interfaceDecl(ctx: InterfaceDeclarationContext, mods: A.Modifiers): A.InterfaceDecl {
    const ext = ctx.typeList();
    return {
      kind: 'interface',
      name: ctx.id().getText(),
      mods,
      extendsTypes: ext ? this.typeList(ext) : [],
      methods: ctx
        .interfaceBody()
        .interfaceMethodDeclaration_list()
        .map((m) => {
          const rt = m.typeRef();
          return {
            kind: 'method' as const,
            mods: this.modifiers(m.modifier_list()),
            ...(rt ? { returnType: this.typeRef(rt) } : {}),
            name: m.id().getText(),
            params: this.params(m.formalParameters()),
            loc: this.loc(m),
          };
        }),
      loc: this.loc(ctx),
    };
  }

  enumDecl(ctx: EnumDeclarationContext, mods: A.Modifiers): A.EnumDecl {
    const constants = ctx.enumConstants();
    return {
      kind: 'enum',
      name: ctx.id().getText(),
      mods,
      values: constants ? constants.id_list().map((i) => i.getText()) : [],
      loc: this.loc(ctx),
    };
  }

  classBodyDeclaration(ctx: ClassBodyDeclarationContext): A.MemberDecl[] {
    if (ctx.SEMI()) return [];
    const block = ctx.block();
    if (block) return [{ kind: 'initializer', isStatic: !!ctx.STATIC(), body: this.block(block), loc: this.loc(ctx) }];
    const member = ctx.memberDeclaration();
    return [this.member(member, this.modifiers(ctx.modifier_list()))];
  }

  member(
    ctx: MemberDeclarationContext | TriggerMemberDeclarationContext | AnonymousMemberDeclarationContext,
    mods: A.Modifiers,
  ): A.MemberDecl {
    const method = ctx.methodDeclaration();
    if (method) {
      const rt = method.typeRef();
      const body = method.block();
      return {
        kind: 'method',
        mods,
        ...(rt ? { returnType: this.typeRef(rt) } : {}),
        name: method.id().getText(),
        params: this.params(method.formalParameters()),
        ...(body ? { body: this.block(body) } : {}),
        loc: this.loc(method),
      };
    }
    if ('constructorDeclaration' in ctx) {
      const ctor = ctx.constructorDeclaration();
      if (ctor) {
        const qn = ctor.qualifiedName().id_list();
        return {
          kind: 'constructor',
          mods,
          name: qn[qn.length - 1]?.getText() ?? '',
          params: this.params(ctor.formalParameters()),
          body: this.block(ctor.block()),
          loc: this.loc(ctor),
        };
      }
    }
    const field = ctx.fieldDeclaration();
    if (field) {
      return {
        kind: 'field',
        mods,
        type: this.typeRef(field.typeRef()),
        declarators: this.declarators(field.variableDeclarators()),
        loc: this.loc(field),
      };
    }
    const prop = ctx.propertyDeclaration();
    if (prop) return this.property(prop, mods);
    const cls = ctx.classDeclaration();
    if (cls) return this.classDecl(cls, mods);
    const iface = ctx.interfaceDeclaration();
    if (iface) return this.interfaceDecl(iface, mods);
    const en = ctx.enumDeclaration();
    if (en) return this.enumDecl(en, mods);
    return this.unsupported('member declaration', ctx);
  }

  property(ctx: PropertyDeclarationContext, mods: A.Modifiers): A.PropertyDecl {
    const decl: A.PropertyDecl = {
      kind: 'property',
      mods,
      type: this.typeRef(ctx.typeRef()),
      name: ctx.id().getText(),
      loc: this.loc(ctx),
    };
    for (const pb of ctx.propertyBlock_list()) {
      const accessorMods = this.modifiers(pb.modifier_list());
      const getter = pb.getter();
      const setter = pb.setter();
      const part = getter ?? setter;
      if (!part) continue;
      const block = part.block();
      const accessor: A.PropertyAccessor = {
        mods: accessorMods,
        ...(block ? { body: this.block(block) } : {}),
        loc: this.loc(pb),
      };
      if (getter) decl.getter = accessor;
      else decl.setter = accessor;
    }
    return decl;
  }

  params(ctx: FormalParametersContext): A.Param[] {
    const list = ctx.formalParameterList();
    if (!list) return [];
    return list.formalParameter_list().map((p) => ({
      mods: this.modifiers(p.modifier_list()),
      type: this.typeRef(p.typeRef()),
      name: p.id().getText(),
    }));
  }

  declarators(ctx: VariableDeclaratorsContext): A.VariableDeclarator[] {
    return ctx.variableDeclarator_list().map((d) => {
      const init = d.expression();
      return { name: d.id().getText(), ...(init ? { init: this.expr(init) } : {}), loc: this.loc(d) };
    });
  }

  trigger(ctx: TriggerUnitContext): A.TriggerDecl {
    const ids = ctx.id_list();
    const events = ctx.triggerCase_list().map((tc) =>
      tc
        .getText()
        .replace(/^(before|after)/i, '$1 ')
        .toLowerCase(),
    );
    const members: A.MemberDecl[] = [];
    const stmts: A.Stmt[] = [];
    for (const m of ctx.triggerBlock().triggerBlockMember_list()) {
      const decl = m.triggerMemberDeclaration();
      if (decl) this.blockMember(this.member(decl, this.modifiers(m.modifier_list())), members, stmts);
      else stmts.push(this.stmt(m.statement()));
    }
    return {
      kind: 'trigger',
      name: ids[0]?.getText() ?? '',
      object: ids[1]?.getText() ?? '',
      events: events as A.TriggerEvent[],
      members,
      body: { kind: 'block', stmts, loc: this.loc(ctx.triggerBlock()) },
      loc: this.loc(ctx),
    };
  }

  /**
   * A declaration at the top of a trigger or anonymous block. The grammar reads `Type name = value;` there as a
   * field declaration; it is a local variable of the block, run in order with the statements.
   */
  blockMember(member: A.MemberDecl, members: A.MemberDecl[], stmts: A.Stmt[]): void {
    if (member.kind === 'field' && !member.mods.isStatic) {
      stmts.push({
        kind: 'local',
        mods: member.mods,
        type: member.type,
        declarators: member.declarators,
        loc: member.loc,
      });
      return;
    }
    members.push(member);
  }

  anonymous(ctx: AnonymousUnitContext): A.AnonymousDecl {
    const members: A.MemberDecl[] = [];
    const stmts: A.Stmt[] = [];
    for (const m of ctx.anonymousBlock().anonymousBlockMember_list()) {
      const decl = m.anonymousMemberDeclaration();
      if (decl) this.blockMember(this.member(decl, this.modifiers(m.modifier_list())), members, stmts);
      else stmts.push(this.stmt(m.statement()));
    }
    return { kind: 'anonymous', members, body: { kind: 'block', stmts, loc: { line: 1, column: 1 } } };
  }

  // ------------------------------------------------------------ statements

  block(ctx: BlockContext): A.Block {
    return { kind: 'block', stmts: ctx.statement_list().map((s) => this.stmt(s)), loc: this.loc(ctx) };
  }

  localVar(ctx: LocalVariableDeclarationContext): A.LocalVarStmt {
    return {
      kind: 'local',
      mods: this.modifiers(ctx.modifier_list()),
      type: this.typeRef(ctx.typeRef()),
      declarators: this.declarators(ctx.variableDeclarators()),
      loc: this.loc(ctx),
    };
  }

  stmt(ctx: StatementContext): A.Stmt {
    const loc = this.loc(ctx);
    const block = ctx.block();
    if (block) return this.block(block);
    const local = ctx.localVariableDeclarationStatement();
    if (local) return this.localVar(local.localVariableDeclaration());
    const exprStmt = ctx.expressionStatement();
    if (exprStmt) return { kind: 'expr', expr: this.expr(exprStmt.expression()), loc };
    const ifs = ctx.ifStatement();
    if (ifs) {
      const branches = ifs.statement_list();
      const elseBranch = branches[1];
      return {
        kind: 'if',
        cond: this.expr(ifs.parExpression().expression()),
        then: this.stmt(branches[0] as StatementContext),
        ...(elseBranch ? { else: this.stmt(elseBranch) } : {}),
        loc,
      };
    }
    const ret = ctx.returnStatement();
    if (ret) {
      const e = ret.expression();
      return { kind: 'return', ...(e ? { expr: this.expr(e) } : {}), loc };
    }
    const fors = ctx.forStatement();
    if (fors) {
      const control = fors.forControl();
      const bodyCtx = fors.statement();
      const body = bodyCtx ? { body: this.stmt(bodyCtx) } : {};
      const enhanced = control.enhancedForControl();
      if (enhanced) {
        return {
          kind: 'foreach',
          type: this.typeRef(enhanced.typeRef()),
          name: enhanced.id().getText(),
          iterable: this.expr(enhanced.expression()),
          ...body,
          loc,
        };
      }
      const init = control.forInit();
      const cond = control.expression();
      const update = control.forUpdate();
      let lowered: A.LocalVarStmt | A.Expr[] | undefined;
      if (init) {
        const decl = init.localVariableDeclaration();
        lowered = decl ? this.localVar(decl) : this.exprList(init.expressionList());
      }
      return {
        kind: 'for',
        ...(lowered ? { init: lowered } : {}),
        ...(cond ? { cond: this.expr(cond) } : {}),
        update: update ? this.exprList(update.expressionList()) : [],
        ...body,
        loc,
      };
    }
    const whiles = ctx.whileStatement();
    if (whiles) {
      const bodyCtx = whiles.statement();
      return {
        kind: 'while',
        cond: this.expr(whiles.parExpression().expression()),
        ...(bodyCtx ? { body: this.stmt(bodyCtx) } : {}),
        loc,
      };
    }
    const dos = ctx.doWhileStatement();
    if (dos) {
      return {
        kind: 'dowhile',
        body: this.block(dos.block()),
        cond: this.expr(dos.parExpression().expression()),
        loc,
      };
    }
    const tries = ctx.tryStatement();
    if (tries) {
      const fin = tries.finallyBlock();
      return {
        kind: 'try',
        body: this.block(tries.block()),
        catches: tries.catchClause_list().map((c) => ({
          typeName: c
            .qualifiedName()
            .id_list()
            .map((i) => i.getText()),
          varName: c.id().getText(),
          body: this.block(c.block()),
          loc: this.loc(c),
        })),
        ...(fin ? { finally: this.block(fin.block()) } : {}),
        loc,
      };
    }
    const thr = ctx.throwStatement();
    if (thr) return { kind: 'throw', expr: this.expr(thr.expression()), loc };
    if (ctx.breakStatement()) return { kind: 'break', loc };
    if (ctx.continueStatement()) return { kind: 'continue', loc };
    const sw = ctx.switchStatement();
    if (sw) {
      return {
        kind: 'switch',
        subject: this.expr(sw.expression()),
        whens: sw.whenControl_list().map((w) => {
          const value = w.whenValue();
          const whenLoc = this.loc(w);
          const body = this.block(w.block());
          if (value.ELSE()) return { kind: 'else' as const, values: [], body, loc: whenLoc };
          const typeRef = value.typeRef();
          if (typeRef) {
            return {
              kind: 'type' as const,
              values: [],
              type: this.typeRef(typeRef),
              varName: value.id().getText(),
              body,
              loc: whenLoc,
            };
          }
          return {
            kind: 'values' as const,
            values: value.whenLiteral_list().map((l) => this.whenLiteral(l)),
            body,
            loc: whenLoc,
          };
        }),
        loc,
      };
    }
    const dml = this.dml(ctx, loc);
    if (dml) return dml;
    const runAs = ctx.runAsStatement();
    if (runAs) {
      return {
        kind: 'runas',
        args: this.exprList(runAs.expressionList()),
        body: this.block(runAs.block()),
        loc,
      };
    }
    return this.unsupported(`statement '${ctx.getText().slice(0, 40)}'`, ctx);
  }

  dml(ctx: StatementContext, loc: A.Loc): A.DmlStmt | undefined {
    type SimpleDml = { accessLevel(): { USER(): unknown } | null; expression(): ExpressionContext };
    const forms: [A.DmlOperation, SimpleDml | null][] = [
      ['insert', ctx.insertStatement()],
      ['update', ctx.updateStatement()],
      ['delete', ctx.deleteStatement()],
      ['undelete', ctx.undeleteStatement()],
    ];
    for (const [op, s] of forms) {
      if (!s) continue;
      const access = s.accessLevel();
      return {
        kind: 'dml',
        op,
        ...(access ? { access: access.USER() ? ('user' as const) : ('system' as const) } : {}),
        expr: this.expr(s.expression()),
        loc,
      };
    }
    const upsert = ctx.upsertStatement();
    if (upsert) {
      const access = upsert.accessLevel();
      const field = upsert.qualifiedName();
      return {
        kind: 'dml',
        op: 'upsert',
        ...(access ? { access: access.USER() ? ('user' as const) : ('system' as const) } : {}),
        expr: this.expr(upsert.expression()),
        ...(field ? { externalIdField: field.id_list().map((i) => i.getText()) } : {}),
        loc,
      };
    }
    const merge = ctx.mergeStatement();
    if (merge) {
      const access = merge.accessLevel();
      const [master, dup] = merge.expression_list();
      return {
        kind: 'dml',
        op: 'merge',
        ...(access ? { access: access.USER() ? ('user' as const) : ('system' as const) } : {}),
        expr: this.expr(master as ExpressionContext),
        mergeExpr: this.expr(dup as ExpressionContext),
        loc,
      };
    }
    return undefined;
  }

  whenLiteral(ctx: WhenLiteralContext): A.WhenLiteral {
    const nested = ctx.whenLiteral();
    if (nested) return this.whenLiteral(nested);
    const negative = ctx.SUB_list().length % 2 === 1;
    const int = ctx.IntegerLiteral();
    if (int) return { kind: 'integer', value: (negative ? -1 : 1) * Number(int.getText()) };
    const long = ctx.LongLiteral();
    if (long) {
      const v = BigInt(long.getText().replace(/[lL]$/, ''));
      return { kind: 'long', value: negative ? -v : v };
    }
    const str = ctx.StringLiteral() ?? ctx.MultilineStringLiteral();
    if (str) return { kind: 'string', value: unescapeApexString(str.getText(), this.file, ctx.start.line) };
    if (ctx.NULL()) return { kind: 'null' };
    const qn = ctx.qualifiedName();
    if (qn) return { kind: 'name', parts: qn.id_list().map((i) => i.getText()) };
    return this.unsupported('switch when value', ctx);
  }

  // ------------------------------------------------------------ expressions

  exprList(ctx: ExpressionListContext | null | undefined): A.Expr[] {
    return ctx ? ctx.expression_list().map((e) => this.expr(e)) : [];
  }

  expr(ctx: ExpressionContext): A.Expr {
    const loc = this.loc(ctx);
    if (ctx instanceof PrimaryExpressionContext) return this.primary(ctx.primary());
    if (ctx instanceof DotExpressionContext) {
      const target = this.expr(ctx.expression());
      const safe = !!ctx.QUESTIONDOT();
      const call = ctx.dotMethodCall();
      if (call) {
        return {
          kind: 'call',
          target,
          name: call.anyId().getText(),
          args: this.exprList(call.expressionList()),
          safe,
          loc: this.loc(call),
        };
      }
      return { kind: 'dot', target, name: ctx.anyId().getText(), safe, loc: this.loc(ctx.anyId()) };
    }
    if (ctx instanceof MethodCallExpressionContext) {
      const call = ctx.methodCall();
      const name = call.THIS() ? 'this' : call.SUPER() ? 'super' : call.id().getText();
      return { kind: 'call', name, args: this.exprList(call.expressionList()), safe: false, loc };
    }
    if (ctx instanceof ArrayExpressionContext) {
      const [target, index] = ctx.expression_list();
      return {
        kind: 'index',
        target: this.expr(target as ExpressionContext),
        index: this.expr(index as ExpressionContext),
        loc,
      };
    }
    if (ctx instanceof NewExpressionContext) return this.creator(ctx.creator(), loc);
    if (ctx instanceof CastExpressionContext) {
      return { kind: 'cast', type: this.typeRef(ctx.typeRef()), expr: this.expr(ctx.expression()), loc };
    }
    if (ctx instanceof SubExpressionContext) return this.expr(ctx.expression());
    if (ctx instanceof PostOpExpressionContext) {
      return { kind: 'incdec', op: ctx.INC() ? '++' : '--', prefix: false, target: this.expr(ctx.expression()), loc };
    }
    if (ctx instanceof PreOpExpressionContext) {
      const target = this.expr(ctx.expression());
      if (ctx.INC()) return { kind: 'incdec', op: '++', prefix: true, target, loc };
      if (ctx.DEC()) return { kind: 'incdec', op: '--', prefix: true, target, loc };
      return { kind: 'unary', op: ctx.SUB() ? '-' : '+', expr: target, loc };
    }
    if (ctx instanceof NegExpressionContext) {
      return { kind: 'unary', op: ctx.BANG() ? '!' : '~', expr: this.expr(ctx.expression()), loc };
    }
    if (ctx instanceof InstanceOfExpressionContext) {
      return { kind: 'instanceof', expr: this.expr(ctx.expression()), type: this.typeRef(ctx.typeRef()), loc };
    }
    if (ctx instanceof CondExpressionContext) {
      const [test, then, otherwise] = ctx.expression_list();
      return {
        kind: 'cond',
        test: this.expr(test as ExpressionContext),
        then: this.expr(then as ExpressionContext),
        else: this.expr(otherwise as ExpressionContext),
        loc,
      };
    }
    if (ctx instanceof AssignExpressionContext) {
      const [target, value] = ctx.expression_list();
      const opText = ctx.getChild(1).getText();
      return {
        kind: 'assign',
        op: opText as A.AssignOp,
        target: this.expr(target as ExpressionContext),
        value: this.expr(value as ExpressionContext),
        loc,
      };
    }
    const binary = this.binaryOp(ctx);
    if (binary) {
      const children = (ctx as Arth1ExpressionContext).expression_list();
      return {
        kind: 'binary',
        op: binary,
        left: this.expr(children[0] as ExpressionContext),
        right: this.expr(children[1] as ExpressionContext),
        loc,
      };
    }
    return this.unsupported(`expression '${ctx.getText().slice(0, 40)}'`, ctx);
  }

  /** The operator of a binary expression context: the tokens between its two operands, joined. */
  binaryOp(ctx: ExpressionContext): A.BinaryOp | undefined {
    const isBinary =
      ctx instanceof Arth1ExpressionContext ||
      ctx instanceof Arth2ExpressionContext ||
      ctx instanceof BitExpressionContext ||
      ctx instanceof CmpExpressionContext ||
      ctx instanceof EqualityExpressionContext ||
      ctx instanceof BitAndExpressionContext ||
      ctx instanceof BitNotExpressionContext ||
      ctx instanceof BitOrExpressionContext ||
      ctx instanceof LogAndExpressionContext ||
      ctx instanceof LogOrExpressionContext ||
      ctx instanceof CoalExpressionContext;
    if (!isBinary) return undefined;
    const parts: string[] = [];
    for (let i = 1; i < ctx.getChildCount() - 1; i += 1) parts.push(ctx.getChild(i).getText());
    return parts.join('') as A.BinaryOp;
  }

  creator(ctx: CreatorContext, loc: A.Loc): A.NewExpr {
    const created = ctx.createdName();
    const type: A.TypeRefNode = {
      names: created.idCreatedNamePair_list().map((p) => {
        const args = p.typeList();
        return { name: p.anyId().getText(), args: args ? this.typeList(args) : [] };
      }),
      arrayDims: 0,
      loc: this.loc(created),
    };
    const base: A.NewExpr = { kind: 'new', type, form: 'args', args: [], pairs: [], loc };
    const classRest = ctx.classCreatorRest();
    if (classRest) return { ...base, args: this.exprList(classRest.arguments().expressionList()) };
    if (ctx.noRest()) return { ...base, form: 'empty' };
    const arrayRest = ctx.arrayCreatorRest();
    if (arrayRest) {
      const arrayType = { ...type, arrayDims: 1 };
      const size = arrayRest.expression();
      if (size) return { ...base, type: arrayType, form: 'arraySize', size: this.expr(size) };
      const init = arrayRest.arrayInitializer();
      return {
        ...base,
        type: arrayType,
        form: 'arrayInit',
        args: init ? init.expression_list().map((e) => this.expr(e)) : [],
      };
    }
    const mapRest = ctx.mapCreatorRest();
    if (mapRest) {
      return {
        ...base,
        form: 'map',
        pairs: mapRest.mapCreatorRestPair_list().map((p) => {
          const [k, v] = p.expression_list();
          return [this.expr(k as ExpressionContext), this.expr(v as ExpressionContext)] as [A.Expr, A.Expr];
        }),
      };
    }
    const setRest = ctx.setCreatorRest();
    if (setRest) return { ...base, form: 'set', args: setRest.expression_list().map((e) => this.expr(e)) };
    return this.unsupported('object creation', ctx);
  }

  primary(ctx: PrimaryContext): A.Expr {
    const loc = this.loc(ctx);
    if (ctx instanceof IdPrimaryContext) return { kind: 'name', name: ctx.id().getText(), loc };
    if (ctx instanceof LiteralPrimaryContext) return this.literal(ctx.literal());
    if (ctx instanceof ThisPrimaryContext) return { kind: 'this', loc };
    if (ctx instanceof SuperPrimaryContext) return { kind: 'super', loc };
    if (ctx instanceof TypeRefPrimaryContext) return { kind: 'classLiteral', type: this.typeRef(ctx.typeRef()), loc };
    if (ctx instanceof VoidPrimaryContext) return { kind: 'classLiteral', loc };
    if (ctx instanceof SoqlPrimaryContext) {
      const query = ctx.soqlLiteral().query();
      const binds: A.Expr[] = [];
      const lowered = lowerSoqlQuery(query, (e) => {
        binds.push(this.expr(e));
        return binds.length - 1;
      });
      return { kind: 'soql', query: lowered, binds, text: lowered.text, loc };
    }
    if (ctx instanceof SoslPrimaryContext) return { kind: 'sosl', text: ctx.getText(), loc };
    return this.unsupported(`primary expression '${ctx.getText().slice(0, 40)}'`, ctx);
  }

  literal(ctx: LiteralContext): A.LiteralExpr {
    const loc = this.loc(ctx);
    const int = ctx.IntegerLiteral();
    if (int) return { kind: 'literal', type: 'Integer', text: int.getText(), loc };
    const long = ctx.LongLiteral();
    if (long) return { kind: 'literal', type: 'Long', text: long.getText().replace(/[lL]$/, ''), loc };
    const num = ctx.NumberLiteral();
    if (num) {
      const text = num.getText();
      if (/[dD]$/.test(text)) return this.unsupported(`Double literal '${text}'`, ctx);
      return { kind: 'literal', type: 'Decimal', text, loc };
    }
    const str = ctx.StringLiteral() ?? ctx.MultilineStringLiteral();
    if (str) {
      return { kind: 'literal', type: 'String', text: unescapeApexString(str.getText(), this.file, loc.line), loc };
    }
    const bool = ctx.BooleanLiteral();
    if (bool) return { kind: 'literal', type: 'Boolean', text: bool.getText().toLowerCase(), loc };
    return { kind: 'literal', type: 'Null', text: 'null', loc };
  }
}

/**
 * The value of an Apex string literal: single quotes, escapes \b \t \n \f \r \" \' \\ and \uXXXX (Apex Developer
 * Guide, "Primitive Data Types": String literals).
 */
export function unescapeApexString(literal: string, file: string, line: number): string {
  const quote = literal.startsWith("'''") ? "'''" : "'";
  const body = literal.slice(quote.length, literal.length - quote.length);
  let out = '';
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i] as string;
    if (ch !== '\\') {
      out += ch;
      continue;
    }
    const next = body[i + 1];
    i += 1;
    switch (next) {
      case 'b':
        out += '\b';
        break;
      case 't':
        out += '\t';
        break;
      case 'n':
        out += '\n';
        break;
      case 'f':
        out += '\f';
        break;
      case 'r':
        out += '\r';
        break;
      case '"':
      case "'":
      case '\\':
        out += next;
        break;
      case 'u': {
        const hex = body.slice(i + 1, i + 5);
        if (!/^[0-9a-fA-F]{4}$/.test(hex)) throw new EmulatorUnsupportedError(`escape '\\u${hex}'`, `${file}:${line}`);
        out += String.fromCharCode(parseInt(hex, 16));
        i += 4;
        break;
      }
      default:
        throw new EmulatorUnsupportedError(`string escape '\\${next ?? ''}'`, `${file}:${line}`);
    }
  }
  return out;
}

export function lowerCompilationUnit(ctx: CompilationUnitContext, file: string): A.TypeDecl {
  return new Lowerer(file).compilationUnit(ctx);
}

export function lowerTrigger(ctx: TriggerUnitContext, file: string): A.TriggerDecl {
  return new Lowerer(file).trigger(ctx);
}

export function lowerAnonymous(ctx: AnonymousUnitContext, file: string): A.AnonymousDecl {
  return new Lowerer(file).anonymous(ctx);
}

/** Lowers one expression (used for bind expressions of dynamic contexts and tests). */
export function lowerExpression(ctx: ExpressionContext, file: string): A.Expr {
  return new Lowerer(file).expr(ctx);
}
