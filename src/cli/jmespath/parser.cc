#include "cli/jmespath/parser.h"

#include <string>
#include <utility>
#include <vector>

#include "cli/jmespath/error_messages.h"
#include "cli/jmespath/lexer.h"

namespace iotjobs::cli::jmespath {
namespace {

// Python's BINDING_POWER table; below kProjectionStop a token ends a projection.
int BindingPower(TokenType type) {
  switch (type) {
    case TokenType::kPipe:
      return 1;
    case TokenType::kOr:
      return 2;
    case TokenType::kAnd:
      return 3;
    case TokenType::kEq:
    case TokenType::kGt:
    case TokenType::kLt:
    case TokenType::kGte:
    case TokenType::kLte:
    case TokenType::kNe:
      return 5;
    case TokenType::kFlatten:
      return 9;
    case TokenType::kStar:
      return 20;
    case TokenType::kFilter:
      return 21;
    case TokenType::kDot:
      return 40;
    case TokenType::kNot:
      return 45;
    case TokenType::kLbrace:
      return 50;
    case TokenType::kLbracket:
      return 55;
    case TokenType::kLparen:
      return 60;
    default:
      return 0;
  }
}
constexpr int kProjectionStop = 10;

bool HasLed(TokenType type) {
  switch (type) {
    case TokenType::kDot:
    case TokenType::kPipe:
    case TokenType::kOr:
    case TokenType::kAnd:
    case TokenType::kEq:
    case TokenType::kNe:
    case TokenType::kGt:
    case TokenType::kGte:
    case TokenType::kLt:
    case TokenType::kLte:
    case TokenType::kFlatten:
    case TokenType::kFilter:
    case TokenType::kLbracket:
    case TokenType::kLparen:
      return true;
    default:
      return false;
  }
}

Comparator ComparatorOf(TokenType type) {
  switch (type) {
    case TokenType::kNe:
      return Comparator::kNe;
    case TokenType::kLt:
      return Comparator::kLt;
    case TokenType::kLte:
      return Comparator::kLte;
    case TokenType::kGt:
      return Comparator::kGt;
    case TokenType::kGte:
      return Comparator::kGte;
    default:
      return Comparator::kEq;
  }
}

class Parser {
 public:
  Parser(std::string_view expression, std::vector<Token> tokens)
      : expression_(expression), tokens_(std::move(tokens)) {}

  Result<NodePtr> ParseAll() {
    IOTJOBS_ASSIGN_OR_RETURN(NodePtr root, Expression(0));
    if (Current() != TokenType::kEof) {
      const Token& token = Lookahead(0);
      return ErrorForToken(token, std::string(msg::kUnexpectedTokenPrefix) + TokenValueText(token));
    }
    return root;
  }

 private:
  const Token& Lookahead(int n) const {
    const long i = static_cast<long>(index_) + n;
    if (i < 0) return tokens_.front();
    if (i >= static_cast<long>(tokens_.size())) return tokens_.back();
    return tokens_[static_cast<std::size_t>(i)];
  }
  TokenType Current() const { return Lookahead(0).type; }
  void Advance() { ++index_; }

  Status ErrorForToken(const Token& token, std::string_view reason) const {
    return InvalidRequest(msg::ParseErrorMessage(reason, token.start, TokenValueText(token),
                                                 TokenTypeName(token.type), expression_));
  }
  Status Incomplete() const {
    return InvalidRequest(msg::IncompleteExpressionMessage(expression_));
  }
  Status ErrorMaybeEof(std::string_view expected, const Token& token) const {
    if (token.type == TokenType::kEof) return Incomplete();
    std::string reason = "Expecting: ";
    reason.append(expected).append(", got: ").append(TokenTypeName(token.type));
    return ErrorForToken(token, reason);
  }
  Status Match(TokenType type) {
    if (Current() != type) return ErrorMaybeEof(TokenTypeName(type), Lookahead(0));
    Advance();
    return Status::Ok();
  }
  Status MatchIdentifier() {
    if (Current() != TokenType::kQuotedIdentifier && Current() != TokenType::kUnquotedIdentifier) {
      return ErrorMaybeEof("['quoted_identifier', 'unquoted_identifier']", Lookahead(0));
    }
    Advance();
    return Status::Ok();
  }

  // Python's _expression: a nud, then leds while they bind tighter than `binding_power`.
  Result<NodePtr> Expression(int binding_power) {
    struct DepthGuard {
      explicit DepthGuard(std::size_t* d) : depth(d) { ++*depth; }
      ~DepthGuard() { --*depth; }
      std::size_t* depth;
    } guard(&depth_);
    if (depth_ > kMaxExpressionDepth) return ErrorForToken(Lookahead(0), msg::kTooDeep);
    const Token& left_token = Lookahead(0);
    Advance();
    IOTJOBS_ASSIGN_OR_RETURN(NodePtr left, Nud(left_token));
    while (true) {
      if (left->depth > kMaxExpressionDepth) return ErrorForToken(Lookahead(0), msg::kTooDeep);
      const TokenType type = Current();
      if (binding_power >= BindingPower(type)) break;
      if (!HasLed(type)) return ErrorForToken(Lookahead(0), msg::kInvalidToken);
      Advance();
      IOTJOBS_ASSIGN_OR_RETURN(left, Led(type, std::move(left)));
    }
    return left;
  }

  Result<NodePtr> Nud(const Token& token) {
    switch (token.type) {
      case TokenType::kLiteral: {
        NodePtr node = MakeNode(NodeKind::kLiteral);
        node->literal = token.literal;
        return node;
      }
      case TokenType::kUnquotedIdentifier:
        return Field(token.text);
      case TokenType::kQuotedIdentifier:
        if (Current() == TokenType::kLparen) {
          const Token& paren = Lookahead(0);
          return InvalidRequest(msg::ParseErrorMessage(msg::kQuotedFunctionName, 0,
                                                       TokenValueText(paren),
                                                       TokenTypeName(paren.type), expression_));
        }
        return Field(token.text);
      case TokenType::kStar: {
        NodePtr right;
        if (Current() == TokenType::kRbracket) {
          right = MakeNode(NodeKind::kIdentity);
        } else {
          IOTJOBS_ASSIGN_OR_RETURN(right, ProjectionRhs(BindingPower(TokenType::kStar)));
        }
        return Binary(NodeKind::kValueProjection, MakeNode(NodeKind::kIdentity), std::move(right));
      }
      case TokenType::kFilter:
        return LedFilter(MakeNode(NodeKind::kIdentity));
      case TokenType::kLbrace:
        return MultiSelectHash();
      case TokenType::kLparen: {
        IOTJOBS_ASSIGN_OR_RETURN(NodePtr inner, Expression(0));
        IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kRparen));
        return inner;
      }
      case TokenType::kFlatten: {
        NodePtr left = Unary(NodeKind::kFlatten, MakeNode(NodeKind::kIdentity));
        IOTJOBS_ASSIGN_OR_RETURN(NodePtr right, ProjectionRhs(BindingPower(TokenType::kFlatten)));
        return Binary(NodeKind::kProjection, std::move(left), std::move(right));
      }
      case TokenType::kNot: {
        IOTJOBS_ASSIGN_OR_RETURN(NodePtr operand, Expression(BindingPower(TokenType::kNot)));
        return Unary(NodeKind::kNot, std::move(operand));
      }
      case TokenType::kLbracket:
        if (Current() == TokenType::kNumber || Current() == TokenType::kColon) {
          IOTJOBS_ASSIGN_OR_RETURN(NodePtr right, IndexExpression());
          return ProjectIfSlice(MakeNode(NodeKind::kIdentity), std::move(right));
        }
        if (Current() == TokenType::kStar && Lookahead(1).type == TokenType::kRbracket) {
          Advance();
          Advance();
          IOTJOBS_ASSIGN_OR_RETURN(NodePtr right, ProjectionRhs(BindingPower(TokenType::kStar)));
          return Binary(NodeKind::kProjection, MakeNode(NodeKind::kIdentity), std::move(right));
        }
        return MultiSelectList();
      case TokenType::kCurrent:
        return MakeNode(NodeKind::kCurrent);
      case TokenType::kExpref: {
        IOTJOBS_ASSIGN_OR_RETURN(NodePtr operand, Expression(BindingPower(TokenType::kExpref)));
        return Unary(NodeKind::kExpref, std::move(operand));
      }
      case TokenType::kEof:
        return Incomplete();
      default:
        return ErrorForToken(token, msg::kInvalidToken);
    }
  }

  Result<NodePtr> Led(TokenType type, NodePtr left) {
    switch (type) {
      case TokenType::kDot: {
        if (Current() != TokenType::kStar) {
          IOTJOBS_ASSIGN_OR_RETURN(NodePtr right, DotRhs(BindingPower(TokenType::kDot)));
          if (left->kind == NodeKind::kSubexpression) {
            AppendChild(*left, std::move(right));
            return left;
          }
          return Binary(NodeKind::kSubexpression, std::move(left), std::move(right));
        }
        Advance();
        IOTJOBS_ASSIGN_OR_RETURN(NodePtr right, ProjectionRhs(BindingPower(TokenType::kDot)));
        return Binary(NodeKind::kValueProjection, std::move(left), std::move(right));
      }
      case TokenType::kPipe:
      case TokenType::kOr:
      case TokenType::kAnd: {
        IOTJOBS_ASSIGN_OR_RETURN(NodePtr right, Expression(BindingPower(type)));
        const NodeKind kind = type == TokenType::kPipe ? NodeKind::kPipe
                              : type == TokenType::kOr ? NodeKind::kOr
                                                       : NodeKind::kAnd;
        return Binary(kind, std::move(left), std::move(right));
      }
      case TokenType::kLparen:
        return Function(std::move(left));
      case TokenType::kFilter:
        return LedFilter(std::move(left));
      case TokenType::kFlatten: {
        NodePtr flatten = Unary(NodeKind::kFlatten, std::move(left));
        IOTJOBS_ASSIGN_OR_RETURN(NodePtr right, ProjectionRhs(BindingPower(TokenType::kFlatten)));
        return Binary(NodeKind::kProjection, std::move(flatten), std::move(right));
      }
      case TokenType::kLbracket:
        if (Current() == TokenType::kNumber || Current() == TokenType::kColon) {
          IOTJOBS_ASSIGN_OR_RETURN(NodePtr right, IndexExpression());
          if (left->kind == NodeKind::kIndexExpression) {
            // Python appends even a slice here, without starting a projection.
            AppendChild(*left, std::move(right));
            return left;
          }
          return ProjectIfSlice(std::move(left), std::move(right));
        } else {
          IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kStar));
          IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kRbracket));
          IOTJOBS_ASSIGN_OR_RETURN(NodePtr right, ProjectionRhs(BindingPower(TokenType::kStar)));
          return Binary(NodeKind::kProjection, std::move(left), std::move(right));
        }
      default: {  // The comparators.
        IOTJOBS_ASSIGN_OR_RETURN(NodePtr right, Expression(BindingPower(type)));
        NodePtr node = Binary(NodeKind::kComparator, std::move(left), std::move(right));
        node->comparator = ComparatorOf(type);
        return node;
      }
    }
  }

  Result<NodePtr> Function(NodePtr left) {
    if (left->kind != NodeKind::kField) {
      const Token& name = Lookahead(-2);
      return ErrorForToken(name, "Invalid function name '" + TokenValueText(name) + "'");
    }
    NodePtr node = MakeNode(NodeKind::kFunction);
    node->name = std::move(left->name);
    while (Current() != TokenType::kRparen) {
      IOTJOBS_ASSIGN_OR_RETURN(NodePtr argument, Expression(0));
      if (Current() == TokenType::kComma) IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kComma));
      AppendChild(*node, std::move(argument));
    }
    IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kRparen));
    return node;
  }

  Result<NodePtr> LedFilter(NodePtr left) {
    IOTJOBS_ASSIGN_OR_RETURN(NodePtr condition, Expression(0));
    IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kRbracket));
    NodePtr right;
    if (Current() == TokenType::kFlatten) {
      right = MakeNode(NodeKind::kIdentity);
    } else {
      IOTJOBS_ASSIGN_OR_RETURN(right, ProjectionRhs(BindingPower(TokenType::kFilter)));
    }
    std::vector<NodePtr> children;
    children.push_back(std::move(left));
    children.push_back(std::move(right));
    children.push_back(std::move(condition));
    return MakeNode(NodeKind::kFilterProjection, std::move(children));
  }

  Result<NodePtr> IndexExpression() {
    if (Lookahead(0).type == TokenType::kColon || Lookahead(1).type == TokenType::kColon) {
      return SliceExpression();
    }
    NodePtr node = MakeNode(NodeKind::kIndex);
    node->index = Lookahead(0).number;
    Advance();
    IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kRbracket));
    return node;
  }

  // [start:stop:step], each part optional, the last colon too.
  Result<NodePtr> SliceExpression() {
    NodePtr node = MakeNode(NodeKind::kSlice);
    std::optional<std::int64_t>* parts[] = {&node->slice_start, &node->slice_stop,
                                            &node->slice_step};
    int part = 0;
    while (Current() != TokenType::kRbracket && part < 3) {
      if (Current() == TokenType::kColon) {
        ++part;
        if (part == 3) return ErrorForToken(Lookahead(0), msg::kSyntaxError);
        Advance();
      } else if (Current() == TokenType::kNumber) {
        *parts[part] = Lookahead(0).number;
        Advance();
      } else {
        return ErrorForToken(Lookahead(0), msg::kSyntaxError);
      }
    }
    IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kRbracket));
    return node;
  }

  Result<NodePtr> ProjectIfSlice(NodePtr left, NodePtr right) {
    const bool is_slice = right->kind == NodeKind::kSlice;
    NodePtr index = Binary(NodeKind::kIndexExpression, std::move(left), std::move(right));
    if (!is_slice) return index;
    IOTJOBS_ASSIGN_OR_RETURN(NodePtr rhs, ProjectionRhs(BindingPower(TokenType::kStar)));
    return Binary(NodeKind::kProjection, std::move(index), std::move(rhs));
  }

  Result<NodePtr> MultiSelectList() {
    NodePtr node = MakeNode(NodeKind::kMultiSelectList);
    while (true) {
      IOTJOBS_ASSIGN_OR_RETURN(NodePtr element, Expression(0));
      AppendChild(*node, std::move(element));
      if (Current() == TokenType::kRbracket) break;
      IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kComma));
    }
    IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kRbracket));
    return node;
  }

  // Like Python, a comma between pairs may be left out: {a: b c: d}.
  Result<NodePtr> MultiSelectHash() {
    NodePtr node = MakeNode(NodeKind::kMultiSelectHash);
    while (true) {
      std::string key = Lookahead(0).text;
      IOTJOBS_RETURN_IF_ERROR(MatchIdentifier());
      IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kColon));
      IOTJOBS_ASSIGN_OR_RETURN(NodePtr value, Expression(0));
      node->keys.push_back(std::move(key));
      AppendChild(*node, std::move(value));
      if (Current() == TokenType::kComma) {
        IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kComma));
      } else if (Current() == TokenType::kRbrace) {
        IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kRbrace));
        break;
      }
    }
    return node;
  }

  Result<NodePtr> ProjectionRhs(int binding_power) {
    const TokenType type = Current();
    if (BindingPower(type) < kProjectionStop) return MakeNode(NodeKind::kIdentity);
    if (type == TokenType::kLbracket || type == TokenType::kFilter) {
      return Expression(binding_power);
    }
    if (type == TokenType::kDot) {
      IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kDot));
      return DotRhs(binding_power);
    }
    return ErrorForToken(Lookahead(0), msg::kSyntaxError);
  }

  Result<NodePtr> DotRhs(int binding_power) {
    const TokenType type = Current();
    if (type == TokenType::kQuotedIdentifier || type == TokenType::kUnquotedIdentifier ||
        type == TokenType::kStar) {
      return Expression(binding_power);
    }
    if (type == TokenType::kLbracket) {
      IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kLbracket));
      return MultiSelectList();
    }
    if (type == TokenType::kLbrace) {
      IOTJOBS_RETURN_IF_ERROR(Match(TokenType::kLbrace));
      return MultiSelectHash();
    }
    std::string reason =
        "Expecting: ['quoted_identifier', 'unquoted_identifier', 'lbracket', 'lbrace'], got: ";
    reason.append(TokenTypeName(type));
    return ErrorForToken(Lookahead(0), reason);
  }

  static NodePtr Field(const std::string& name) {
    NodePtr node = MakeNode(NodeKind::kField);
    node->name = name;
    return node;
  }
  static NodePtr Unary(NodeKind kind, NodePtr child) {
    std::vector<NodePtr> children;
    children.push_back(std::move(child));
    return MakeNode(kind, std::move(children));
  }
  static NodePtr Binary(NodeKind kind, NodePtr left, NodePtr right) {
    std::vector<NodePtr> children;
    children.push_back(std::move(left));
    children.push_back(std::move(right));
    return MakeNode(kind, std::move(children));
  }

  std::string_view expression_;
  std::vector<Token> tokens_;
  std::size_t index_ = 0;
  std::size_t depth_ = 0;
};

}  // namespace

Result<NodePtr> Parse(std::string_view expression) {
  IOTJOBS_ASSIGN_OR_RETURN(std::vector<Token> tokens, Tokenize(expression));
  return Parser(expression, std::move(tokens)).ParseAll();
}

}  // namespace iotjobs::cli::jmespath
