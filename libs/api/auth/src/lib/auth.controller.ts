import { Body, Controller, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Public } from '@kassa/api/http';
import { AuthService } from './auth.service';
import { LoginDto, RefreshTokenDto, SetPasswordDto } from './dto/login.dto';
import { SignupDto, SignupResponseDto, TokenPairDto } from './dto/signup.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('signup')
  @Public()
  @ApiCreatedResponse({ type: SignupResponseDto, description: 'The shop, its owner, and the owner signed in.' })
  signup(@Body() input: SignupDto): Promise<SignupResponseDto> {
    return this.auth.signup(input);
  }

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  login(@Body() input: LoginDto, @Ip() ip: string): Promise<TokenPairDto> {
    return this.auth.login(input, ip);
  }

  @Post('auth/refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto, description: 'A new pair; the presented refresh token is spent.' })
  refresh(@Body() input: RefreshTokenDto): Promise<TokenPairDto> {
    return this.auth.refresh(input.refreshToken);
  }

  @Post('auth/logout')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: "Signs this device out: the refresh token's family stops working." })
  logout(@Body() input: RefreshTokenDto): Promise<void> {
    return this.auth.logout(input.refreshToken);
  }

  @Post('auth/set-password')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Completes an invite; the link is spent.' })
  setPassword(@Body() input: SetPasswordDto): Promise<void> {
    return this.auth.setPassword(input);
  }
}
