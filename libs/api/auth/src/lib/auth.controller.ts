import { Body, Controller, Headers, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Client, ClientInfo, DeviceAuth, Public } from '@kassa/api/http';
import { AuthService } from './auth.service';
import { PinSignInDto } from './dto/pin.dto';
import { StaffPinsService } from './staff-pins.service';
import { LoginDto, RefreshTokenDto, SetPasswordDto } from './dto/login.dto';
import { SignupDto, SignupResponseDto, TokenPairDto } from './dto/signup.dto';

@ApiTags('auth')
@Controller()
export class AuthController {
  constructor(
    private readonly auth: AuthService,
    private readonly pins: StaffPinsService,
  ) {}

  @Post('signup')
  @Public()
  @ApiCreatedResponse({ type: SignupResponseDto, description: 'The shop, its owner, and the owner signed in.' })
  signup(@Body() input: SignupDto, @Client() client: ClientInfo): Promise<SignupResponseDto> {
    return this.auth.signup(input, client);
  }

  @Post('auth/login')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  login(@Body() input: LoginDto, @Client() client: ClientInfo): Promise<TokenPairDto> {
    return this.auth.login(input, client);
  }

  @Post('auth/pin')
  @Public()
  @DeviceAuth()
  @HttpCode(200)
  @ApiOkResponse({
    type: TokenPairDto,
    description: "PIN sign-in on a paired till (`Authorization: Device <token>`); the access token carries the device's register.",
  })
  pinSignIn(@Headers('authorization') authorization: string | undefined, @Body() input: PinSignInDto, @Client() client: ClientInfo): Promise<TokenPairDto> {
    return this.pins.signIn(authorization, input, client);
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
  logout(@Body() input: RefreshTokenDto, @Client() client: ClientInfo): Promise<void> {
    return this.auth.logout(input.refreshToken, client);
  }

  @Post('auth/set-password')
  @Public()
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Completes an invite; the link is spent.' })
  setPassword(@Body() input: SetPasswordDto): Promise<void> {
    return this.auth.setPassword(input);
  }
}
